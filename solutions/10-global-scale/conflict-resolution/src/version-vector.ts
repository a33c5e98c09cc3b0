/**
 * Version vectors: one counter per replica, the number of that replica's writes a value has seen.
 * Comparing two says whether one write saw the other (before, after) or neither did (concurrent):
 * the question last-writer-wins never asks, and the reason it loses data.
 */

/** Replica id to the count of its writes seen. A missing replica counts as 0. */
export type VersionVector = Readonly<Record<string, number>>;

export type Ordering = "before" | "after" | "equal" | "concurrent";

/** How `a` relates to `b`: "before" when every counter of a is <= b's and one is smaller. */
export function compareVersions(a: VersionVector, b: VersionVector): Ordering {
  let aBehind = false;
  let aAhead = false;
  for (const replica of Object.keys(a)) {
    const mine = a[replica] ?? 0;
    const theirs = b[replica] ?? 0;
    if (mine < theirs) aBehind = true;
    else if (mine > theirs) aAhead = true;
  }
  for (const replica of Object.keys(b)) {
    if (!(replica in a) && (b[replica] ?? 0) > 0) aBehind = true;
  }
  if (aBehind && aAhead) return "concurrent";
  if (aBehind) return "before";
  if (aAhead) return "after";
  return "equal";
}

/** The pointwise maximum: a version that has seen everything either has seen. A new object. */
export function mergeVersions(a: VersionVector, b: VersionVector): VersionVector {
  const merged: Record<string, number> = { ...a };
  for (const replica of Object.keys(b)) merged[replica] = Math.max(merged[replica] ?? 0, b[replica] ?? 0);
  return merged;
}
