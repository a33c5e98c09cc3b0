import { notImplemented } from "#kata";
import type { NodeContext, SimNode } from "#kata/sim";
import type { ReplicationError } from "./errors";
import type { Entry, ReplicaStatus, ReplicationMessage, Role } from "./messages";
// Also yours to use: isReplicationMessage from "./messages", ReplicationError from "./errors".

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

/**
 * A replica of a leader-follower key-value store (PostgreSQL streaming replication, MySQL
 * replication, MongoDB replica sets). Every node starts in epoch 1, following options.leader.
 *
 * As leader: number each write (seq = last seq in the log + 1, stamped with the current epoch),
 * append it to the log, and send it to every follower in an Append (with leaderSeq, your last
 * seq). Followers answer with a cumulative Ack (appliedSeq: everything up to it is applied). A
 * write is committed once options.syncFollowers followers have acknowledged it (at once when 0;
 * the leader itself does not count): only then is it applied where reads see it, and only then is
 * it answered { ok: true, seq }, oldest first. Every options.retransmitMs, resend to each follower
 * that lacks entries and has acknowledged nothing new for that long the entries after its
 * acknowledged seq: the network loses messages.
 *
 * As follower: drop an Append of an older epoch (a replaced leader's); on a newer epoch, follow
 * its sender and forget the entries waiting for a gap. Apply entries in seq order, exactly once:
 * a duplicate (seq at or below your log's end) is dropped, the next seq is applied, and one further
 * ahead waits until the gap fills. Ack every Append of your epoch with the end of your consecutive
 * log. A write sent to a follower answers { ok: false, error: ReplicationError NOT_LEADER } naming
 * the leader. Ignore malformed messages (isReplicationMessage): network input never makes a node throw.
 */
export class ReplicaNode implements SimNode<ReplicationMessage> {
  readonly options: ReplicaOptions;

  /**
   * @throws ReplicationError INVALID_LEADER (options.leader is not ctx.id or one of ctx.peers),
   *   INVALID_SYNC (syncFollowers not a whole number from 0 to ctx.peers.length) or INVALID_TIMEOUT
   *   (retransmitMs not a finite number above 0).
   */
  constructor(ctx: NodeContext<ReplicationMessage>, options: Pick<ReplicaOptions, "leader"> & Partial<ReplicaOptions>) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    notImplemented(`new ReplicaNode() for ${ctx.id}`);
  }

  /** "leader" or "follower". */
  role(): Role {
    return notImplemented("ReplicaNode.role");
  }

  /** Role, epoch, the leader followed, and the seq and epoch of the log's last entry (0 and 0 if empty). */
  status(): ReplicaStatus {
    return notImplemented("ReplicaNode.status");
  }

  /** The log, seq 1 first, with no gap (a leader's includes the entries not yet committed). */
  entries(): readonly Entry[] {
    return notImplemented("ReplicaNode.entries");
  }

  /**
   * At the leader: writes `value` under `key` and calls `reply` once the write is committed. At a
   * follower: calls `reply` at once with NOT_LEADER.
   * @throws ReplicationError INVALID_KEY (not a non-empty string) or INVALID_VALUE (not a string),
   *   before anything is sent.
   */
  write(key: string, value: string, reply: (result: WriteResult) => void): void {
    notImplemented(`ReplicaNode.write(${JSON.stringify(key)}, ${JSON.stringify(value)}, ${typeof reply})`);
  }

  /**
   * This replica's value of `key`, at once, from its own data: at the leader, every committed
   * write (lag 0); at a follower, the entries applied so far, with the lag: how many entries the
   * leader's last Append said it has beyond this log, and how long (this node's clock) the follower
   * has been behind (0 when it is not).
   * @throws ReplicationError INVALID_KEY.
   */
  read(key: string): ReadResult {
    return notImplemented(`ReplicaNode.read(${JSON.stringify(key)})`);
  }

  /**
   * Called by the failover tool on the follower it chose: lead `epoch` from now on. Everything in
   * this node's log is committed; the entries waiting for a gap are forgotten; every peer gets an
   * Append (no entries) announcing the new leader, and the leader's duties start.
   * @throws ReplicationError INVALID_EPOCH unless `epoch` is a whole number above this node's epoch.
   */
  promote(epoch: number): void {
    notImplemented(`ReplicaNode.promote(${epoch})`);
  }

  /** Called by the network for every message delivered to this node. */
  onMessage(from: string, message: ReplicationMessage): void {
    notImplemented(`ReplicaNode.onMessage(${JSON.stringify(from)}, ${message.type})`);
  }
}
