import { notImplemented } from "#kata";

/** What a G-counter replica sends to the others. */
export interface GCounterState {
  /** Replica id to the total that replica has added. */
  counts: Record<string, number>;
}

/**
 * A grow-only counter (G-counter). Each replica counts only its own increments; the value is the
 * sum over replicas; merging keeps, for each replica, the larger of the two counts. So merging
 * the same state twice, or several states in any order, gives the same counter.
 */
export class GCounter {
  /** This replica's id. */
  readonly replica: string;

  /** @throws CrdtError INVALID_REPLICA_ID (use checkReplicaId from ./replica-id) */
  constructor(replica: string) {
    this.replica = replica;
    notImplemented(`new GCounter(${JSON.stringify(replica)})`);
  }

  /** Adds `amount` to this replica's count. @throws CrdtError INVALID_AMOUNT unless a positive safe integer. */
  increment(amount = 1): void {
    notImplemented(`GCounter.increment(${amount})`);
  }

  /** The sum of every replica's count this replica knows of. */
  get value(): number {
    return notImplemented("GCounter.value");
  }

  /** A snapshot to send to other replicas: plain data, sharing nothing with this replica. */
  state(): GCounterState {
    return notImplemented("GCounter.state");
  }

  /**
   * Joins another replica's state into this one. Keeps no reference to `state`.
   * @throws CrdtError INVALID_STATE (a count that is not a whole number 0 or more, a bad replica id),
   *   having changed nothing.
   */
  merge(state: GCounterState): void {
    notImplemented("GCounter.merge");
  }
}
