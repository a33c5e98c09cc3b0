import { checkAmount, GCounter } from "./g-counter";
import { checkReplicaId } from "./replica-id";
import { checkCounts } from "./state-checks";

export interface PNCounterState {
  /** Replica id to the total that replica has added. */
  increments: Record<string, number>;
  /** Replica id to the total that replica has taken away. */
  decrements: Record<string, number>;
}

/**
 * A counter that goes up and down: two grow-only counters, one for increments and one for
 * decrements; the value is their difference. One counter with negative steps would not merge: the
 * maximum of a replica's count forgets its decrements.
 */
export class PNCounter {
  readonly replica: string;
  private readonly up: GCounter;
  private readonly down: GCounter;

  constructor(replica: string) {
    this.replica = checkReplicaId(replica);
    this.up = new GCounter(replica);
    this.down = new GCounter(replica);
  }

  /** @throws CrdtError INVALID_AMOUNT */
  increment(amount = 1): void {
    checkAmount(amount, "increment");
    this.up.increment(amount);
  }

  /** @throws CrdtError INVALID_AMOUNT */
  decrement(amount = 1): void {
    checkAmount(amount, "decrement");
    this.down.increment(amount);
  }

  get value(): number {
    return this.up.value - this.down.value;
  }

  state(): PNCounterState {
    return { increments: this.up.state().counts, decrements: this.down.state().counts };
  }

  /** @throws CrdtError INVALID_STATE, having changed nothing. */
  merge(state: PNCounterState): void {
    const given = state as Partial<PNCounterState> | null;
    const increments = checkCounts("PNCounter", "increments", given?.increments);
    const decrements = checkCounts("PNCounter", "decrements", given?.decrements);
    this.up.merge({ counts: { ...increments } });
    this.down.merge({ counts: { ...decrements } });
  }
}
