import type { NodeContext, SimNode, TimerHandle } from "#kata/sim";
import { QuorumError } from "./errors";
import { replicasNeeded } from "./levels";
import {
  CONSISTENCY_LEVELS,
  isKvMessage,
  type ConsistencyLevel,
  type KvMessage,
  type ReadReply,
  type Version,
  type Versioned,
  type WriteAck,
} from "./messages";
import { planReadRepair } from "./read-repair";
import { ReplicaStore } from "./replica-store";
import { ReplyTally } from "./replies";
import { nextRequestId } from "./request-ids";
import { newestOf, nextVersion } from "./version";

export type ReadResult = { ok: true; value: string | null; version: Version } | { ok: false; error: QuorumError };
export type WriteResult = { ok: true; version: Version } | { ok: false; error: QuorumError };

export interface KvOptions {
  /** How long a coordinator waits for its replicas before answering UNAVAILABLE. */
  requestTimeoutMs: number;
}

export const DEFAULT_OPTIONS: KvOptions = { requestTimeoutMs: 100 };

/** One client operation this node coordinates, from its first round to its answer. */
interface Operation {
  id: number;
  kind: "get" | "put";
  key: string;
  level: ConsistencyLevel;
  need: number;
  timer: TimerHandle;
  /** Which round it is in: asking for copies (a read, or a write's version round), or storing one. */
  round: "query" | "store";
  copies: ReplyTally<Versioned>;
  /** Replicas known to hold `stored` (or newer), once the store round has begun. */
  holders: ReplyTally<true>;
  /** A put's value, then the copy the store round writes. */
  value: string | null;
  stored?: Versioned;
  answer(result: ReadResult | WriteResult): void;
}

/**
 * A node of a leaderless, Dynamo-style key-value store: every node is a replica of every key
 * (N = the cluster size), and any node coordinates the operations clients send it.
 *
 * Every operation is two rounds, each waiting for replicasNeeded(level, N) replicas, the node
 * itself included (its own copy answers at once, without a message):
 *   get: a query round (Read to every peer; the newest of the copies is the answer), then read
 *        repair (the newest is written back to every replier that held an older copy), answering
 *        once the newest is on enough replicas: at once when the replies agree.
 *   put: a version round (Read to every peer; the new version is above the newest reported, and
 *        above every counter this node issued), then the store round (Write to every peer).
 * A round that does not hear from enough replicas within requestTimeoutMs answers UNAVAILABLE.
 */
export class QuorumKvNode implements SimNode<KvMessage> {
  readonly options: KvOptions;
  private readonly ctx: NodeContext<KvMessage>;
  private readonly store: ReplicaStore;
  private readonly operations = new Map<number, Operation>();
  /** The highest counter this node has put in a version: its Lamport clock. */
  private lastCounter = 0;

  constructor(ctx: NodeContext<KvMessage>, options: Partial<KvOptions> = {}) {
    this.ctx = ctx;
    this.options = { ...DEFAULT_OPTIONS, ...options };
    const timeout = this.options.requestTimeoutMs;
    if (!Number.isFinite(timeout) || !(timeout > 0))
      throw new QuorumError(
        "INVALID_TIMEOUT",
        `requestTimeoutMs must be a finite number of ms above 0, got ${String(timeout)}; a coordinator with no deadline could leave a client waiting forever`,
      );
    this.store = new ReplicaStore(ctx.storage);
  }

  /** This node's own copy of `key`, as a replica (value null and NO_VERSION if it has none). */
  replicaOf(key: string): Versioned {
    return this.store.read(key);
  }

  get(key: string, level: ConsistencyLevel, reply: (result: ReadResult) => void): void {
    checkKey("get", key);
    checkLevel("get", level);
    this.begin("get", key, level, null, reply as (result: ReadResult | WriteResult) => void);
  }

  put(key: string, value: string, level: ConsistencyLevel, reply: (result: WriteResult) => void): void {
    checkKey("put", key);
    if (typeof value !== "string")
      throw new QuorumError(
        "INVALID_VALUE",
        `put(${JSON.stringify(key)}) needs a string value, got ${describe(value)}; serialise anything else first`,
      );
    checkLevel("put", level);
    this.begin("put", key, level, value, reply as (result: ReadResult | WriteResult) => void);
  }

  onMessage(from: string, message: KvMessage): void {
    if (!isKvMessage(message) || !this.ctx.peers.includes(from)) {
      this.ctx.log(`ignored a malformed message from ${from}`);
      return;
    }
    switch (message.type) {
      case "Read": {
        const { value, version } = this.store.read(message.key);
        this.ctx.send(from, { type: "ReadReply", requestId: message.requestId, key: message.key, value, version });
        return;
      }
      case "Write": {
        const held = this.store.apply(message.key, { value: message.value, version: message.version });
        this.ctx.send(from, {
          type: "WriteAck",
          requestId: message.requestId,
          key: message.key,
          version: held.version,
        });
        return;
      }
      case "ReadReply":
        this.onReadReply(from, message);
        return;
      case "WriteAck":
        this.onWriteAck(from, message);
        return;
    }
  }

  private begin(
    kind: "get" | "put",
    key: string,
    level: ConsistencyLevel,
    value: string | null,
    answer: (result: ReadResult | WriteResult) => void,
  ): void {
    const id = nextRequestId(this.ctx.storage);
    const operation: Operation = {
      id,
      kind,
      key,
      level,
      need: replicasNeeded(level, this.ctx.peers.length + 1),
      timer: this.ctx.setTimer(this.options.requestTimeoutMs, () => this.giveUp(operation)),
      round: "query",
      copies: new ReplyTally(),
      holders: new ReplyTally(),
      value,
      answer,
    };
    this.operations.set(id, operation);
    operation.copies.add(this.ctx.id, this.store.read(key));
    if (operation.need > 1)
      for (const peer of this.ctx.peers) this.ctx.send(peer, { type: "Read", requestId: id, key });
    this.progress(operation);
  }

  private onReadReply(from: string, reply: ReadReply): void {
    const operation = this.operations.get(reply.requestId);
    if (operation?.key !== reply.key) return; // a reply to an operation that is over, or not this node's
    operation.copies.add(from, { value: reply.value, version: reply.version });
    this.progress(operation);
  }

  private onWriteAck(from: string, ack: WriteAck): void {
    const operation = this.operations.get(ack.requestId);
    if (operation?.key !== ack.key || operation.round !== "store") return;
    operation.holders.add(from, true);
    this.progress(operation);
  }

  /** Moves an operation on as far as what it has heard allows. */
  private progress(operation: Operation): void {
    if (operation.round === "query") {
      if (operation.copies.count < operation.need) return;
      operation.round = "store";
      if (operation.kind === "get") this.startReadRepair(operation);
      else this.startStore(operation);
    }
    if (operation.holders.count >= operation.need) this.finish(operation);
  }

  private startReadRepair(operation: Operation): void {
    const plan = planReadRepair(operation.copies.entries());
    operation.stored = plan.newest;
    for (const replica of plan.upToDate) operation.holders.add(replica, true);
    const { value, version } = plan.newest;
    for (const replica of plan.stale) {
      if (replica === this.ctx.id) {
        this.store.apply(operation.key, plan.newest);
        operation.holders.add(replica, true);
      } else {
        // Only a copy newer than another can be stale against, so the newest has a value.
        this.ctx.send(replica, {
          type: "Write",
          requestId: operation.id,
          key: operation.key,
          value: value as string,
          version,
        });
      }
    }
  }

  private startStore(operation: Operation): void {
    const seen = newestOf(operation.copies.entries().map(([, copy]) => copy)).version;
    const version = nextVersion(seen, this.lastCounter, this.ctx.id);
    this.lastCounter = version.counter;
    const value = operation.value as string;
    operation.stored = { value, version };
    this.store.apply(operation.key, operation.stored);
    operation.holders.add(this.ctx.id, true);
    for (const peer of this.ctx.peers)
      this.ctx.send(peer, { type: "Write", requestId: operation.id, key: operation.key, value, version });
  }

  private finish(operation: Operation): void {
    this.operations.delete(operation.id);
    this.ctx.clearTimer(operation.timer);
    const stored = operation.stored as Versioned;
    operation.answer(
      operation.kind === "get"
        ? { ok: true, value: stored.value, version: stored.version }
        : { ok: true, version: stored.version },
    );
  }

  private giveUp(operation: Operation): void {
    this.operations.delete(operation.id);
    const N = this.ctx.peers.length + 1;
    const { kind, key, level, need } = operation;
    const what =
      operation.round === "query"
        ? `${operation.copies.count} of ${N} replicas answered its ${kind === "get" ? "read" : "version"} round`
        : `${operation.holders.count} of ${N} replicas acknowledged its ${kind === "get" ? "read repair" : "write"}`;
    const outcome =
      kind === "put" && operation.round === "store"
        ? "; the value may still be on the replicas it reached, and may yet show up in reads"
        : "";
    operation.answer({
      ok: false,
      error: new QuorumError(
        "UNAVAILABLE",
        `${kind} ${JSON.stringify(key)} at ${level} is unavailable: ${what} within ${this.options.requestTimeoutMs} ms, and ${level} needs ${need}${outcome}`,
      ),
    });
  }
}

function checkKey(call: string, key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0)
    throw new QuorumError("INVALID_KEY", `${call} needs a key that is a non-empty string, got ${describe(key)}`);
}

function checkLevel(call: string, level: unknown): asserts level is ConsistencyLevel {
  if (!CONSISTENCY_LEVELS.includes(level as ConsistencyLevel))
    throw new QuorumError(
      "INVALID_LEVEL",
      `${call} needs a consistency level of ${CONSISTENCY_LEVELS.map((l) => JSON.stringify(l)).join(", ")}, got ${describe(level)}`,
    );
}

/** A value as a message shows it: strings quoted, objects as JSON, anything else as itself. */
function describe(value: unknown): string {
  return typeof value === "string" || typeof value === "object" ? JSON.stringify(value) : String(value);
}
