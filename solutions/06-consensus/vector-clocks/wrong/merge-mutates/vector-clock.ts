/**
 * The mistake: merge raises the first clock's entries in place and returns it. The result is
 * right, but the first argument (a node's clock, or a stamp already on a message) changes too.
 */
import { merge as referenceMerge, type VectorClock } from "../../src/vector-clock";

export { compare, concurrent, happensBefore, tick, type Ordering, type VectorClock } from "../../src/vector-clock";

export function merge(a: VectorClock, b: VectorClock): VectorClock {
  return Object.assign(a as Record<string, number>, referenceMerge(a, b));
}
