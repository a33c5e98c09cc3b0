/**
 * The mistake: compare walks the first clock's entries only. An entry that only the second clock
 * names is never looked at, so { a: 1 } and { a: 1, b: 1 } read as "equal" instead of "before".
 */
import { compare as referenceCompare, type Ordering, type VectorClock } from "../../src/vector-clock";

export { merge, tick, type Ordering, type VectorClock } from "../../src/vector-clock";

export function compare(a: VectorClock, b: VectorClock): Ordering {
  referenceCompare(a, b); // the same checks of its input as the reference
  let less = false;
  let greater = false;
  for (const [id, x] of Object.entries(a)) {
    const y = b[id] ?? 0;
    if (x < y) less = true;
    else if (x > y) greater = true;
  }
  if (less) return greater ? "concurrent" : "before";
  return greater ? "after" : "equal";
}

export function happensBefore(a: VectorClock, b: VectorClock): boolean {
  return compare(a, b) === "before";
}

export function concurrent(a: VectorClock, b: VectorClock): boolean {
  return compare(a, b) === "concurrent";
}
