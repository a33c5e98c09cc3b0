import { notImplemented } from "#kata";

/** What a PN-counter replica sends to the others. */
export interface PNCounterState {
  /** Replica id to the total that replica has added. */
  increments: Record<string, number>;
  /** Replica id to the total that replica has taken away. */
  decrements: Record<string, number>;
}

/**
 * A counter that goes up and down (PN-counter): two grow-only counts per replica, one for what it
 * added and one for what it took away; the value is the difference of their sums.
 */
export class PNCounter {
  readonly replica: string;

  /** @throws CrdtError INVALID_REPLICA_ID */
  constructor(replica: string) {
    this.replica = replica;
    notImplemented(`new PNCounter(${JSON.stringify(replica)})`);
  }

  /** @throws CrdtError INVALID_AMOUNT unless a positive safe integer. */
  increment(amount = 1): void {
    notImplemented(`PNCounter.increment(${amount})`);
  }

  /** Takes `amount` away (a positive amount: decrement(3) lowers the value by 3). @throws CrdtError INVALID_AMOUNT */
  decrement(amount = 1): void {
    notImplemented(`PNCounter.decrement(${amount})`);
  }

  get value(): number {
    return notImplemented("PNCounter.value");
  }

  state(): PNCounterState {
    return notImplemented("PNCounter.state");
  }

  /** @throws CrdtError INVALID_STATE, having changed nothing. */
  merge(state: PNCounterState): void {
    notImplemented("PNCounter.merge");
  }
}
