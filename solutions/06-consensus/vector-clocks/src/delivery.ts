/**
 * The causal delivery rule (Birman, Schiper and Stephenson): what to do with a message from
 * `origin` stamped `stamp`, given how many broadcasts of each origin this node has delivered.
 */
import type { VectorClock } from "./vector-clock";

export type Verdict = "deliver" | "wait" | "duplicate";

export function deliveryVerdict(delivered: VectorClock, origin: string, stamp: VectorClock): Verdict {
  const number = stamp[origin] ?? 0;
  const have = delivered[origin] ?? 0;
  // Already delivered: a copy the network made, or a late one. Nothing will ever make it deliverable.
  if (number <= have) return "duplicate";
  // The origin's earlier broadcasts first, in the order it sent them.
  if (number !== have + 1) return "wait";
  // Everything the origin had delivered before broadcasting it.
  for (const [id, count] of Object.entries(stamp)) if (id !== origin && count > (delivered[id] ?? 0)) return "wait";
  return "deliver";
}
