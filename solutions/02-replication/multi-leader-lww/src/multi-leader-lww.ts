import type { NodeContext, SimNode } from "#kata/sim";
import { loadEntries, saveEntry } from "./disk";
import { Outbox } from "./outbox";
import { newer, nextStamp } from "./stamp";

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

/**
 * One leader of a multi-leader (master-master) store: every node takes writes for every key,
 * answers at once, and replicates to its peers asynchronously. Conflicts are settled by
 * last-writer-wins: each entry carries a Stamp, and a leader keeps an incoming entry only if its
 * stamp is newer than the one it holds (the larger ms; on equal ms the larger node id), so every
 * leader that has seen the same writes holds the same value, whatever order they arrived in.
 *
 * - A write's stamp is this node's clock (ctx.now(), floored), but above the stamp it already holds
 *   for the key: a write that follows one the leader has seen must win over it, even when the
 *   leader's clock is behind the one that stamped the earlier write.
 * - The network loses, delays and duplicates messages, and partitions come and go: a leader keeps
 *   sending each peer (every options.syncIntervalMs) the keys whose current entry that peer has not
 *   acknowledged with a stamp at least as new. A peer acknowledges every entry it receives with the
 *   stamp it now holds, newer or not.
 * - An entry lives in ctx.storage before the put answers, so a leader that crashes and restarts
 *   keeps it, and sends it again, since it cannot know what its peers acknowledged.
 * - Malformed messages (isLwwMessage) are ignored: network input never makes a node throw.
 */
export class MultiLeaderLwwNode implements SimNode<LwwMessage> {
  readonly options: LwwOptions;
  private readonly store = new Map<string, Entry>();
  private readonly outbox: Outbox;

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
    this.outbox = new Outbox(ctx.peers);
    for (const entry of loadEntries(ctx.storage)) {
      this.store.set(entry.key, entry);
      // After a restart no one knows what the peers acknowledged: offer everything again.
      this.outbox.changed(entry.key);
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
    const entry: Entry = { key, value, stamp: nextStamp(this.store.get(key)?.stamp, this.ctx.now(), this.ctx.id) };
    this.keep(entry);
    for (const peer of this.ctx.peers) this.ctx.send(peer, { type: "Replicate", entries: [entry] });
    reply({ ok: true, stamp: { ...entry.stamp } });
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
          this.outbox.heldBy(from, entry.key);
        }
        const now = this.store.get(entry.key)?.stamp ?? entry.stamp;
        acks.push({ key: entry.key, stamp: { ...now } });
      }
      this.ctx.send(from, { type: "ReplicateAck", acks });
      return;
    }
    for (const ack of message.acks) this.outbox.acknowledged(from, ack.key, ack.stamp, this.store.get(ack.key)?.stamp);
  }

  private keep(entry: Entry): void {
    const copy: Entry = { key: entry.key, value: entry.value, stamp: { ms: entry.stamp.ms, node: entry.stamp.node } };
    saveEntry(this.ctx.storage, copy, !this.store.has(entry.key), [...this.store.keys()]);
    this.store.set(entry.key, copy);
    this.outbox.changed(entry.key);
  }

  private tick(): void {
    this.ctx.setTimer(this.options.syncIntervalMs, () => {
      for (const peer of this.ctx.peers) {
        const due = this.outbox.due(peer);
        if (due.length > 0)
          this.ctx.send(peer, { type: "Replicate", entries: due.flatMap((k) => this.store.get(k) ?? []) });
      }
      this.tick();
    });
  }
}
