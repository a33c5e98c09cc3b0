import { notImplemented } from "#kata";
// Also yours to use: VectorClockError from "./errors".

/**
 * A vector clock: for each node id, how many events of that node are known. A node missing from
 * the object counts as 0, so `{}` and `{ a: 0 }` are the same clock.
 *
 * Clocks are values: every function here returns a new object and never changes its arguments
 * (a clock stamped on a message and a clock kept by a node must not share one object).
 */
export type VectorClock = Readonly<Record<string, number>>;

/**
 * How two clocks relate (Lamport's happened-before, as Fidge and Mattern's clocks capture it):
 *   "before"      a <= b entry by entry, and a < b in at least one entry
 *   "after"       b is before a
 *   "equal"       every entry equal (missing entries count as 0)
 *   "concurrent"  neither: each has an entry greater than the other's
 */
export type Ordering = "before" | "after" | "equal" | "concurrent";

/**
 * The clock after one more event at `nodeId`: that node's entry plus 1, every other entry as it was.
 * @throws VectorClockError INVALID_NODE_ID unless nodeId is a non-empty string;
 *   INVALID_CLOCK unless clock is an object of non-negative safe integers.
 */
export function tick(clock: VectorClock, nodeId: string): VectorClock {
  return notImplemented(`tick(${JSON.stringify(clock)}, ${JSON.stringify(nodeId)})`);
}

/**
 * The least clock that is after-or-equal both: the larger of the two entries, node by node. A
 * receiver merges the sender's clock into its own (and, as a vector clock counting every event,
 * then ticks its own entry: that is `tick(merge(mine, theirs), me)`, not part of merge).
 * @throws VectorClockError INVALID_CLOCK unless both are objects of non-negative safe integers.
 */
export function merge(a: VectorClock, b: VectorClock): VectorClock {
  return notImplemented(`merge(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
}

/**
 * How `a` relates to `b`, looking at every node id that either clock names.
 * @throws VectorClockError INVALID_CLOCK unless both are objects of non-negative safe integers.
 */
export function compare(a: VectorClock, b: VectorClock): Ordering {
  return notImplemented(`compare(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
}

/** True when `a` happened before `b`: compare(a, b) === "before". Same errors as compare. */
export function happensBefore(a: VectorClock, b: VectorClock): boolean {
  return notImplemented(`happensBefore(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
}

/** True when neither happened before the other and they differ. Same errors as compare. */
export function concurrent(a: VectorClock, b: VectorClock): boolean {
  return notImplemented(`concurrent(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
}
