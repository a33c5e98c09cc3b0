/**
 * The mistake: any later message of an origin counts as its next one (stamp[origin] > delivered
 * instead of exactly delivered + 1), so a sender's second broadcast can be delivered before its
 * first.
 */
import type { VectorClock } from "../../src/vector-clock";

export type { Verdict } from "../../src/delivery";
import type { Verdict } from "../../src/delivery";

export function deliveryVerdict(delivered: VectorClock, origin: string, stamp: VectorClock): Verdict {
  if ((stamp[origin] ?? 0) <= (delivered[origin] ?? 0)) return "duplicate";
  for (const [id, count] of Object.entries(stamp)) if (id !== origin && count > (delivered[id] ?? 0)) return "wait";
  return "deliver";
}
