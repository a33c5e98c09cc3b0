import { notImplemented } from "#kata";
import type { NodeContext, SimNode } from "#kata/sim";
import type { QuorumError } from "./errors";
import type { ConsistencyLevel, KvMessage, Version, Versioned } from "./messages";
// Also yours to use: isKvMessage, NO_VERSION and CONSISTENCY_LEVELS from "./messages", QuorumError from "./errors".

/** What a get answers: the value (null for a key never written) and its version, or UNAVAILABLE. */
export type ReadResult = { ok: true; value: string | null; version: Version } | { ok: false; error: QuorumError };
/** What a put answers: the version it wrote, or UNAVAILABLE (the value may still be on some replicas). */
export type WriteResult = { ok: true; version: Version } | { ok: false; error: QuorumError };

export interface KvOptions {
  /** How long a coordinator waits for its replicas before answering UNAVAILABLE. */
  requestTimeoutMs: number;
}

export const DEFAULT_OPTIONS: KvOptions = { requestTimeoutMs: 100 };

/**
 * A node of a leaderless, Dynamo-style key-value store. Every node is a replica of every key (N is
 * the cluster size: ctx.peers.length + 1), and any node coordinates the operations a client sends
 * it. The node's own copy counts as a replica's answer, at once and without a message.
 *
 * A level says how many replicas each round of an operation waits for: ONE 1, QUORUM a majority
 * (more than half of N), ALL N. Every operation is two rounds:
 *   get  1. query: ask every replica for its copy (Read); with enough copies, the newest is the answer.
 *        2. read repair: write the newest back (Write) to every replica that answered with an older
 *           copy, and answer only once the newest is on as many replicas as the level needs. When
 *           the copies agree, that is already so: answer at once.
 *   put  1. version: ask for copies (Read) as a get does; the new version's counter is above the
 *           newest they report and above every counter this node has issued; the node id is its own.
 *        2. store: keep it yourself and send it (Write) to every peer; answer once enough replicas hold it.
 * A round that has not heard from enough replicas within options.requestTimeoutMs answers
 * { ok: false, error: QuorumError UNAVAILABLE }: never a hang, never a success it did not get. Its
 * message says which round fell short (read, version, read repair or write), how many of the N
 * replicas answered and what the level needs, as in `get "x" at ALL is unavailable: 2 of 5 replicas
 * answered its read round within 100 ms, and ALL needs 5`. Only a put that fails in its write round
 * adds that the value may still be on the replicas it reached: a failed version round wrote
 * nothing, and a failed read repair only copied a value that was already there.
 *
 * As a replica: answer a Read with your copy; on a Write, keep the copy only if its version is
 * newer than yours (compare counters, then node ids), and acknowledge it either way with the
 * version you now hold. Copies live in ctx.storage, written before the acknowledgement leaves, so
 * a replica that crashes and restarts keeps what it acknowledged. Each reply is matched to its
 * operation by requestId (never reuse one, not even after a restart) and each replica counts once.
 * Ignore malformed messages (isKvMessage): network input never makes a node throw.
 */
export class QuorumKvNode implements SimNode<KvMessage> {
  readonly options: KvOptions;

  /**
   * @throws QuorumError INVALID_TIMEOUT unless options.requestTimeoutMs is a finite number above 0.
   */
  constructor(ctx: NodeContext<KvMessage>, options: Partial<KvOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    notImplemented(`new QuorumKvNode() for ${ctx.id}`);
  }

  /**
   * Reads `key` at `level` and calls `reply` exactly once: with the newest value the level's
   * replicas hold (after read repair), or UNAVAILABLE.
   * @throws QuorumError INVALID_KEY (not a non-empty string) or INVALID_LEVEL, before anything is sent.
   */
  get(key: string, level: ConsistencyLevel, reply: (result: ReadResult) => void): void {
    notImplemented(`QuorumKvNode.get(${JSON.stringify(key)}, ${level}, ${typeof reply})`);
  }

  /**
   * Writes `value` under `key` at `level` and calls `reply` exactly once: with the version written,
   * once enough replicas hold it, or UNAVAILABLE.
   * @throws QuorumError INVALID_KEY, INVALID_VALUE (not a string) or INVALID_LEVEL, before anything is sent.
   */
  put(key: string, value: string, level: ConsistencyLevel, reply: (result: WriteResult) => void): void {
    notImplemented(`QuorumKvNode.put(${JSON.stringify(key)}, ${JSON.stringify(value)}, ${level}, ${typeof reply})`);
  }

  /** This node's own copy of `key`, as a replica: { value: null, version: NO_VERSION } if it has none. */
  replicaOf(key: string): Versioned {
    return notImplemented(`QuorumKvNode.replicaOf(${JSON.stringify(key)})`);
  }

  /** Called by the network for every message delivered to this node. */
  onMessage(from: string, message: KvMessage): void {
    notImplemented(`QuorumKvNode.onMessage(${JSON.stringify(from)}, ${message.type})`);
  }
}
