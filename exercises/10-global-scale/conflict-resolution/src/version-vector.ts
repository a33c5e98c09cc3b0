import { notImplemented } from "#kata";

/**
 * Version vectors: one counter per replica, the number of that replica's writes a value has seen.
 * Comparing two says whether one write saw the other (before, after) or neither did (concurrent):
 * the question last-writer-wins never asks.
 */

/** Replica id to the count of its writes seen. A missing replica counts as 0: {} equals { a: 0 }. */
export type VersionVector = Readonly<Record<string, number>>;

export type Ordering = "before" | "after" | "equal" | "concurrent";

/**
 * How `a` relates to `b`:
 *   "before"      every counter of a is <= b's, and at least one is smaller (b has seen a)
 *   "after"       the reverse
 *   "equal"       every counter is the same
 *   "concurrent"  a is ahead on one replica and behind on another: neither saw the other
 */
export function compareVersions(a: VersionVector, b: VersionVector): Ordering {
  return notImplemented(`compareVersions(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
}

/** The pointwise maximum: a version that has seen all either has seen. A new object; a and b stay as they are. */
export function mergeVersions(a: VersionVector, b: VersionVector): VersionVector {
  return notImplemented(`mergeVersions(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
}
