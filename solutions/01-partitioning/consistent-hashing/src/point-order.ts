/**
 * The ring's one ordering rule. Points are sorted by position; points that share a position (two
 * labels can hash alike: 32 bits are few) are ordered by node id, smaller first. So the ring is a
 * function of its member set alone: two routers that added the same nodes in different orders
 * agree on every key.
 */
export interface Point {
  position: number;
  owner: string;
}

export function comparePoints(a: Point, b: Point): number {
  if (a.position !== b.position) return a.position - b.position;
  return a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0;
}
