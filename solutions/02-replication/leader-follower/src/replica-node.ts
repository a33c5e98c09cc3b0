import type { NodeContext, SimNode, TimerHandle } from "#kata/sim";
import { commitPosition } from "./commit";
import { appendVerdict } from "./epoch";
import { ReplicationError } from "./errors";
import { FollowerInbox } from "./follower-inbox";
import {
  isReplicationMessage,
  type Append,
  type Entry,
  type ReplicaStatus,
  type ReplicationMessage,
  type Role,
} from "./messages";
import { ReplicaLog } from "./replica-log";
import { stalled } from "./retransmit";
import { entriesAfter } from "./shipment";

/** What a read answers: the value (null if never written), the seq it reflects, and how far behind that is. */
export interface ReadResult {
  value: string | null;
  /** The last write this answer reflects: every entry up to this seq is applied, no later one is. */
  seq: number;
  /** How stale the answer may be: entries the leader has beyond this replica, and how long (ms) it has been behind. */
  lag: { entries: number; ms: number };
}

/** What a write answers: its seq once it is committed, or NOT_LEADER from a follower. */
export type WriteResult = { ok: true; seq: number } | { ok: false; error: ReplicationError };

export interface ReplicaOptions {
  /** The node that leads epoch 1 when the cluster starts; every other node follows it. */
  leader: string;
  /** How many followers must hold a write before the leader answers it and shows it to reads: 0 is asynchronous. */
  syncFollowers: number;
  /** How long a follower's replication may stall before the leader resends what it lacks. */
  retransmitMs: number;
}

export const DEFAULT_OPTIONS: Omit<ReplicaOptions, "leader"> = { syncFollowers: 0, retransmitMs: 50 };

/** What the leader knows of one follower. */
interface FollowerProgress {
  /** The highest seq it acknowledged: it holds every entry up to here. */
  acknowledged: number;
  /** Since when it has made no progress while lacking entries (or was last sent what it lacks). */
  since: number;
}

/**
 * A replica of a leader-follower key-value store (PostgreSQL streaming replication, MySQL
 * replication, MongoDB replica sets). One node, the leader, numbers every write (seq 1, 2, 3, ...)
 * into its replication log and ships the entries to the followers, which apply them in seq order,
 * each exactly once, however the network delays, drops, duplicates and reorders them. The leader
 * answers a write once `syncFollowers` followers acknowledged it (at once when 0), and only then
 * shows it to reads. A failover tool promotes a follower to lead a new, higher epoch.
 */
export class ReplicaNode implements SimNode<ReplicationMessage> {
  readonly options: ReplicaOptions;
  private readonly ctx: NodeContext<ReplicationMessage>;
  private readonly log = new ReplicaLog();
  private readonly inbox = new FollowerInbox();
  private currentRole: Role;
  private epoch = 1;
  private leader: string;
  // As leader:
  private readonly progress = new Map<string, FollowerProgress>();
  private readonly waitingWrites: { seq: number; reply: (result: WriteResult) => void }[] = [];
  private tick: TimerHandle | undefined;
  // As follower:
  private leaderSeq = 0;
  private behindSince: number | undefined;

  constructor(ctx: NodeContext<ReplicationMessage>, options: Pick<ReplicaOptions, "leader"> & Partial<ReplicaOptions>) {
    this.ctx = ctx;
    this.options = { ...DEFAULT_OPTIONS, ...options };
    const { leader, syncFollowers, retransmitMs } = this.options;
    if (typeof leader !== "string" || (leader !== ctx.id && !ctx.peers.includes(leader)))
      throw new ReplicationError(
        "INVALID_LEADER",
        `options.leader must be a node of the cluster (${[ctx.id, ...ctx.peers].join(", ")}), got ${describe(leader)}`,
      );
    if (!Number.isInteger(syncFollowers) || syncFollowers < 0 || syncFollowers > ctx.peers.length)
      throw new ReplicationError(
        "INVALID_SYNC",
        `options.syncFollowers must be a whole number from 0 (asynchronous) to ${ctx.peers.length} (every follower), got ${describe(syncFollowers)}`,
      );
    if (!Number.isFinite(retransmitMs) || !(retransmitMs > 0))
      throw new ReplicationError(
        "INVALID_TIMEOUT",
        `options.retransmitMs must be a finite number of ms above 0, got ${describe(retransmitMs)}; without it a lost entry is never resent`,
      );
    this.leader = leader;
    this.currentRole = leader === ctx.id ? "leader" : "follower";
    if (this.currentRole === "leader") this.lead(false);
  }

  role(): Role {
    return this.currentRole;
  }

  status(): ReplicaStatus {
    return {
      id: this.ctx.id,
      role: this.currentRole,
      epoch: this.epoch,
      leader: this.leader,
      lastSeq: this.log.lastSeq,
      lastEpoch: this.log.lastEpoch,
    };
  }

  /** The entries of this replica's log, seq 1 first (the leader's include those not yet committed). */
  entries(): readonly Entry[] {
    return this.log.entries;
  }

  write(key: string, value: string, reply: (result: WriteResult) => void): void {
    checkKey("write", key);
    if (typeof value !== "string")
      throw new ReplicationError(
        "INVALID_VALUE",
        `write(${JSON.stringify(key)}) needs a string value, got ${describe(value)}; serialise anything else first`,
      );
    if (this.currentRole !== "leader") {
      reply({
        ok: false,
        error: new ReplicationError(
          "NOT_LEADER",
          `${this.ctx.id} is a follower in epoch ${this.epoch} and takes no writes; send the write to the leader, ${this.leader}`,
        ),
      });
      return;
    }
    const seq = this.log.lastSeq + 1;
    this.log.append({ seq, epoch: this.epoch, key, value });
    this.waitingWrites.push({ seq, reply });
    const now = this.ctx.now();
    for (const [follower, progress] of this.progress) {
      if (progress.acknowledged === seq - 1) progress.since = now; // it was up to date: its stall clock starts now
      this.ship(follower, seq - 1);
    }
    this.commit();
  }

  read(key: string): ReadResult {
    checkKey("read", key);
    const value = this.log.read(key);
    if (this.currentRole === "leader") return { value, seq: this.log.appliedSeq, lag: { entries: 0, ms: 0 } };
    return {
      value,
      seq: this.log.appliedSeq,
      lag: {
        entries: Math.max(0, this.leaderSeq - this.log.lastSeq),
        ms: this.behindSince === undefined ? 0 : this.ctx.now() - this.behindSince,
      },
    };
  }

  promote(epoch: number): void {
    if (!Number.isInteger(epoch) || epoch <= this.epoch)
      throw new ReplicationError(
        "INVALID_EPOCH",
        `promote needs a whole epoch above ${this.ctx.id}'s own (${this.epoch}), got ${describe(epoch)}; followers ignore a leader of an epoch they have passed`,
      );
    this.epoch = epoch;
    this.leader = this.ctx.id;
    this.currentRole = "leader";
    this.inbox.clear();
    this.lead(true);
  }

  onMessage(from: string, message: ReplicationMessage): void {
    if (!isReplicationMessage(message) || !this.ctx.peers.includes(from)) return; // malformed, or not from the cluster
    if (message.type === "Append") this.onAppend(from, message);
    else if (this.currentRole === "leader" && message.epoch === this.epoch) this.onAck(from, message.appliedSeq);
  }

  /** Starts leading this.epoch: everything in the log is committed, and the followers hear of it. */
  private lead(announce: boolean): void {
    this.log.applyUpTo(this.log.lastSeq);
    const now = this.ctx.now();
    this.progress.clear();
    for (const peer of this.ctx.peers) {
      this.progress.set(peer, { acknowledged: 0, since: now });
      if (announce) this.send(peer, []);
    }
    this.ctx.clearTimer(this.tick);
    const everyInterval = (): void => {
      this.resendStalled();
      this.tick = this.ctx.setTimer(this.options.retransmitMs, everyInterval);
    };
    this.tick = this.ctx.setTimer(this.options.retransmitMs, everyInterval);
  }

  private ship(follower: string, after: number): void {
    this.send(follower, entriesAfter(this.log.entries, after));
  }

  private send(follower: string, entries: Append["entries"]): void {
    this.ctx.send(follower, {
      type: "Append",
      epoch: this.epoch,
      leaderId: this.ctx.id,
      entries,
      leaderSeq: this.log.lastSeq,
    });
  }

  private resendStalled(): void {
    const now = this.ctx.now();
    for (const [follower, progress] of this.progress) {
      if (progress.acknowledged >= this.log.lastSeq || !stalled(now, progress.since, this.options.retransmitMs))
        continue;
      progress.since = now;
      this.ship(follower, progress.acknowledged);
    }
  }

  private onAck(from: string, appliedSeq: number): void {
    const progress = this.progress.get(from);
    if (progress === undefined || appliedSeq <= progress.acknowledged || appliedSeq > this.log.lastSeq) return;
    progress.acknowledged = appliedSeq;
    progress.since = this.ctx.now();
    this.commit();
  }

  /** Applies what enough followers hold, and answers the writes it covers, oldest first. */
  private commit(): void {
    const acknowledged = [...this.progress.values()].map((p) => p.acknowledged);
    const committed = commitPosition(acknowledged, this.options.syncFollowers, this.log.lastSeq);
    if (committed <= this.log.appliedSeq) return;
    this.log.applyUpTo(committed);
    while (this.waitingWrites.length > 0 && (this.waitingWrites[0]?.seq ?? Infinity) <= committed) {
      const write = this.waitingWrites.shift();
      write?.reply({ ok: true, seq: write.seq });
    }
  }

  private onAppend(from: string, message: Append): void {
    const verdict = appendVerdict(this.epoch, message.epoch);
    if (verdict === "stale") return; // a replaced leader's late message
    if (verdict === "newer") this.follow(message.epoch, message.leaderId);
    else if (this.currentRole === "leader") return; // two leaders of one epoch cannot happen; ignore it
    for (const entry of message.entries) this.inbox.receive(this.log, entry);
    if (verdict === "newer") this.leaderSeq = message.leaderSeq;
    else this.leaderSeq = Math.max(this.leaderSeq, message.leaderSeq);
    if (this.leaderSeq > this.log.lastSeq) this.behindSince ??= this.ctx.now();
    else this.behindSince = undefined;
    this.ctx.send(from, { type: "Ack", epoch: this.epoch, appliedSeq: this.inbox.ackPosition(this.log) });
  }

  /** A failover happened: follow the new epoch's leader, and drop what the old one left waiting. */
  private follow(epoch: number, leader: string): void {
    this.epoch = epoch;
    this.leader = leader;
    this.inbox.clear();
    this.behindSince = undefined;
    if (this.currentRole === "leader") {
      this.currentRole = "follower";
      this.ctx.clearTimer(this.tick);
      for (const write of this.waitingWrites.splice(0))
        write.reply({
          ok: false,
          error: new ReplicationError(
            "NOT_LEADER",
            `${this.ctx.id} was replaced as leader by ${leader} (epoch ${epoch}) before this write was committed; it may be lost`,
          ),
        });
    }
  }
}

function checkKey(call: string, key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0)
    throw new ReplicationError("INVALID_KEY", `${call} needs a key that is a non-empty string, got ${describe(key)}`);
}

/** A value as a message shows it: strings quoted, objects as JSON, anything else as itself. */
function describe(value: unknown): string {
  return typeof value === "string" || typeof value === "object" ? JSON.stringify(value) : String(value);
}
