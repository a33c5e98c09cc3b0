/**
 * The mistake: merge adds the other replica's counts to this one's, as if a state were news of
 * increments. Gossip delivers the same state twice, and every duplicate is counted again.
 */
import { checkAmount, GCounter as Reference, type GCounterState } from "../../src/g-counter";

export { checkAmount, type GCounterState };

export class GCounter extends Reference {
  override merge(state: GCounterState): void {
    const mine = this.state().counts;
    const summed: Record<string, number> = { ...mine };
    for (const [replica, count] of Object.entries(state.counts)) summed[replica] = (mine[replica] ?? 0) + count;
    super.merge({ counts: summed });
  }
}
