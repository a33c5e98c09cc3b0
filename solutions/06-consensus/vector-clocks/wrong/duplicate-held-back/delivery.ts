/**
 * The mistake: the rule knows only "deliverable" and "not yet". A copy of a message already
 * delivered is "not yet" and joins the hold-back queue, where it waits forever: the queue grows
 * with every duplicate the network makes.
 */
import type { VectorClock } from "../../src/vector-clock";

export type { Verdict } from "../../src/delivery";
import type { Verdict } from "../../src/delivery";

export function deliveryVerdict(delivered: VectorClock, origin: string, stamp: VectorClock): Verdict {
  if ((stamp[origin] ?? 0) !== (delivered[origin] ?? 0) + 1) return "wait";
  for (const [id, count] of Object.entries(stamp)) if (id !== origin && count > (delivered[id] ?? 0)) return "wait";
  return "deliver";
}
