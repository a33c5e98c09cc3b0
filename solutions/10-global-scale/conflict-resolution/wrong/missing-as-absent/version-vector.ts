/**
 * The mistake: compare walks only a's replicas, so a replica that appears only in b is not
 * counted: {} against { b: 1 } reads "equal", and a write that saw nothing looks as new as one
 * that saw b's write.
 */
import { mergeVersions, type Ordering, type VersionVector } from "../../src/version-vector";

export { mergeVersions, type Ordering, type VersionVector };

export function compareVersions(a: VersionVector, b: VersionVector): Ordering {
  let behind = false;
  let ahead = false;
  for (const replica of Object.keys(a)) {
    const mine = a[replica] ?? 0;
    const theirs = b[replica] ?? 0;
    if (mine < theirs) behind = true;
    else if (mine > theirs) ahead = true;
  }
  return behind && ahead ? "concurrent" : behind ? "before" : ahead ? "after" : "equal";
}
