/**
 * The mistake: the accumulator is kept from one search to the next (to save allocations) and never
 * cleared, so each search starts from the scores of all the searches before it.
 */
import { ScoreAccumulator as Reference } from "../../src/score-accumulator";

export class ScoreAccumulator extends Reference {
  override clear(): void {
    // kept for the next search
  }
}
