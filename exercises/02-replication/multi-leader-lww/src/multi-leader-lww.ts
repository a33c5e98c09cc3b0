import { notImplemented } from "#kata";
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

  /** @throws LwwError INVALID_INTERVAL unless options.syncIntervalMs is a finite number above 0. */
  constructor(ctx: NodeContext<LwwMessage>, options: Partial<LwwOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    notImplemented(`new MultiLeaderLwwNode() for ${ctx.id}`);
  }

  /**
   * Takes a write at this leader, stamps it, keeps it, starts replicating it, and calls `reply`
   * at once with its stamp.
   * @throws LwwError INVALID_KEY (not a non-empty string) or INVALID_VALUE (not a string).
   */
  put(key: string, value: string, reply: (result: { ok: true; stamp: Stamp }) => void): void {
    notImplemented(`MultiLeaderLwwNode.put(${JSON.stringify(key)}, ${JSON.stringify(value)}, ${typeof reply})`);
  }

  /** This leader's current value of `key` (null if it has none): a local read, maybe stale. */
  get(key: string): string | null {
    return notImplemented(`MultiLeaderLwwNode.get(${JSON.stringify(key)})`);
  }

  /** A copy of this leader's entry for `key`, or undefined if it has none. */
  entryOf(key: string): Entry | undefined {
    return notImplemented(`MultiLeaderLwwNode.entryOf(${JSON.stringify(key)})`);
  }

  /** Called by the network for every message delivered to this node. */
  onMessage(from: string, message: LwwMessage): void {
    notImplemented(
      `MultiLeaderLwwNode.onMessage(${JSON.stringify(from)}, ${String((message as { type?: unknown }).type)})`,
    );
  }
}
