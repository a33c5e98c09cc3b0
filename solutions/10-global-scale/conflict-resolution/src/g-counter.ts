import { CrdtError } from "./errors";
import { checkReplicaId } from "./replica-id";
import { checkCounts } from "./state-checks";

/** What a G-counter replica sends to the others. */
export interface GCounterState {
  /** Replica id to the total that replica has added. */
  counts: Record<string, number>;
}

/**
 * A grow-only counter: each replica counts its own increments, and the value is the sum over
 * replicas. Merging takes each replica's maximum, so merging the same state twice, or states in
 * any order, gives the same counter.
 */
export class GCounter {
  readonly replica: string;
  private readonly counts = new Map<string, number>();

  constructor(replica: string) {
    this.replica = checkReplicaId(replica);
  }

  /** @throws CrdtError INVALID_AMOUNT unless amount is a positive safe integer. */
  increment(amount = 1): void {
    checkAmount(amount, "increment");
    this.counts.set(this.replica, (this.counts.get(this.replica) ?? 0) + amount);
  }

  get value(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  state(): GCounterState {
    return { counts: Object.fromEntries(this.counts) };
  }

  /** @throws CrdtError INVALID_STATE, having changed nothing. */
  merge(state: GCounterState): void {
    const counts = checkCounts("GCounter", "counts", (state as Partial<GCounterState> | null)?.counts);
    for (const [replica, count] of Object.entries(counts))
      if (count > (this.counts.get(replica) ?? 0)) this.counts.set(replica, count);
  }
}

export function checkAmount(amount: unknown, operation: string): asserts amount is number {
  if (!Number.isSafeInteger(amount) || (amount as number) <= 0)
    throw new CrdtError(
      "INVALID_AMOUNT",
      `${operation}(${typeof amount === "number" ? String(amount) : JSON.stringify(amount)}): the amount must be a positive whole number; to go down, use a PNCounter's decrement()`,
    );
}
