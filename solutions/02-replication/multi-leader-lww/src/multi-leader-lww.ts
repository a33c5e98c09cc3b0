import type { NodeContext, SimNode } from "#kata/sim";

/** When a write happened, by the clock of the node that took it; the node id settles a tie. */
export interface Stamp {
  ms: number;
  node: string;
}

/** One key's value as a leader holds it. */
export interface Entry {
  key: string;
  value: string;
  stamp: Stamp;
}

/** Leader to leader: "here are writes you may not have" (sent again until acknowledged). */
export interface Replicate {
  type: "Replicate";
  entries: Entry[];
}

/** "I now hold these stamps, or newer ones, for these keys." */
export interface ReplicateAck {
  type: "ReplicateAck";
  acks: { key: string; stamp: Stamp }[];
}

export type LwwMessage = Replicate | ReplicateAck;

export interface LwwOptions {
  /** How often a leader resends what its peers have not acknowledged. */
  syncIntervalMs: number;
}

export const DEFAULT_OPTIONS: LwwOptions = { syncIntervalMs: 50 };

export type LwwErrorCode = "INVALID_KEY" | "INVALID_VALUE" | "INVALID_INTERVAL";

export class LwwError extends Error {
  constructor(
    readonly code: LwwErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LwwError";
  }
}

/** True when `a` is the later write: the larger ms, or on equal ms the larger node id. */
export function newer(a: Stamp, b: Stamp): boolean {
  return a.ms > b.ms || (a.ms === b.ms && a.node > b.node);
}

function isStamp(v: unknown): v is Stamp {
  if (typeof v !== "object" || v === null) return false;
  const s = v as Record<string, unknown>;
  return Number.isFinite(s.ms) && typeof s.node === "string";
}

function isEntry(v: unknown): v is Entry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.key === "string" && e.key !== "" && typeof e.value === "string" && isStamp(e.stamp);
}

export function isLwwMessage(value: unknown): value is LwwMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === "Replicate") return Array.isArray(m.entries) && m.entries.every(isEntry);
  if (m.type === "ReplicateAck")
    return (
      Array.isArray(m.acks) &&
      m.acks.every(
        (a: unknown) =>
          typeof a === "object" && a !== null && typeof (a as Entry).key === "string" && isStamp((a as Entry).stamp),
      )
    );
  return false;
}

export class MultiLeaderLwwNode implements SimNode<LwwMessage> {
  readonly options: LwwOptions;
  private readonly store = new Map<string, Entry>();
  /** Per peer: the keys whose current entry that peer has not acknowledged. */
  private readonly unacked = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: NodeContext<LwwMessage>,
    options: Partial<LwwOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    const interval = this.options.syncIntervalMs;
    if (typeof interval !== "number" || !Number.isFinite(interval) || interval <= 0)
      throw new LwwError(
        "INVALID_INTERVAL",
        `syncIntervalMs must be a finite number above 0, got ${String(interval)}: pass e.g. 50`,
      );
    for (const peer of ctx.peers) this.unacked.set(peer, new Set());
    const keys = ctx.storage.get<string[]>("keys") ?? [];
    for (const key of keys) {
      const entry = ctx.storage.get<Entry>(`kv:${key}`);
      if (entry === undefined) continue;
      this.store.set(key, entry);
      // After a restart no one knows what the peers acknowledged: offer everything again.
      for (const pending of this.unacked.values()) pending.add(key);
    }
    this.tick();
  }

  /**
   * Takes a write at this leader and answers at once (replication is asynchronous). Its stamp is
   * this node's clock, but above the stamp it already holds for the key, so a write that follows
   * one this leader has seen always wins over it.
   */
  put(key: string, value: string, reply: (result: { ok: true; stamp: Stamp }) => void): void {
    if (typeof key !== "string" || key === "")
      throw new LwwError("INVALID_KEY", `key must be a non-empty string, got ${JSON.stringify(key)}`);
    if (typeof value !== "string")
      throw new LwwError("INVALID_VALUE", `value must be a string, got ${typeof value}: store text, e.g. String(x)`);
    const held = this.store.get(key);
    const now = Math.floor(this.ctx.now());
    const ms = held !== undefined && held.stamp.ms >= now ? held.stamp.ms + 1 : now;
    const entry: Entry = { key, value, stamp: { ms, node: this.ctx.id } };
    this.keep(entry);
    this.ship([entry], this.ctx.peers);
    reply({ ok: true, stamp: entry.stamp });
  }

  /** This leader's current value of `key` (null if it has none): a local read, maybe stale. */
  get(key: string): string | null {
    return this.store.get(key)?.value ?? null;
  }

  /** This leader's whole entry for `key`, or undefined. */
  entryOf(key: string): Entry | undefined {
    const e = this.store.get(key);
    return e === undefined ? undefined : { key: e.key, value: e.value, stamp: { ...e.stamp } };
  }

  onMessage(from: string, message: LwwMessage): void {
    if (!isLwwMessage(message)) return;
    if (message.type === "Replicate") {
      const acks: { key: string; stamp: Stamp }[] = [];
      for (const entry of message.entries) {
        const held = this.store.get(entry.key);
        if (held === undefined || newer(entry.stamp, held.stamp)) {
          this.keep(entry);
          // The other peers may not have it yet, except the one it came from.
          this.unacked.get(from)?.delete(entry.key);
        }
        acks.push({ key: entry.key, stamp: this.store.get(entry.key)!.stamp });
      }
      this.ctx.send(from, { type: "ReplicateAck", acks });
      return;
    }
    const pending = this.unacked.get(from);
    if (pending === undefined) return;
    for (const ack of message.acks) {
      const held = this.store.get(ack.key);
      if (held !== undefined && !newer(held.stamp, ack.stamp)) pending.delete(ack.key);
    }
  }

  private keep(entry: Entry): void {
    const copy: Entry = { key: entry.key, value: entry.value, stamp: { ms: entry.stamp.ms, node: entry.stamp.node } };
    if (!this.store.has(entry.key)) this.ctx.storage.set("keys", [...this.store.keys(), entry.key]);
    this.store.set(entry.key, copy);
    this.ctx.storage.set(`kv:${entry.key}`, copy);
    for (const pending of this.unacked.values()) pending.add(entry.key);
  }

  private ship(entries: Entry[], peers: readonly string[]): void {
    for (const peer of peers) this.ctx.send(peer, { type: "Replicate", entries });
  }

  private tick(): void {
    this.ctx.setTimer(this.options.syncIntervalMs, () => {
      for (const [peer, pending] of this.unacked) {
        if (pending.size === 0) continue;
        const entries = [...pending].map((k) => this.store.get(k)!);
        this.ctx.send(peer, { type: "Replicate", entries });
      }
      this.tick();
    });
  }
}
