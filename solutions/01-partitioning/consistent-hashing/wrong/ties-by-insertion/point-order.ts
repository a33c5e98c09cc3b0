/**
 * The mistake: points are ordered by position only. Two points at one position keep the order
 * their nodes were added in, so which node owns the position depends on history, and two routers
 * with the same members can disagree about a key.
 */
export type { Point } from "../../src/point-order";
import type { Point } from "../../src/point-order";

export function comparePoints(a: Point, b: Point): number {
  return a.position - b.position;
}
