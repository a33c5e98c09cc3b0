/**
 * The mistake: removeNode deletes every point at one of the node's positions, as a ring kept in a
 * map from position to node would. Another node's point that shares a position goes too, and the
 * keys of that arc move to a third node (or the ring looks empty).
 */
import type { RingPoints } from "../../src/ring-points";

export { NO_POINTS, mergePoints, pointsOf, type RingPoints } from "../../src/ring-points";

export function withoutNode(ring: RingPoints, node: string): RingPoints {
  const taken = new Set(ring.owners.flatMap((owner, i) => (owner === node ? [ring.positions[i] as number] : [])));
  const keep = [...ring.positions.keys()].filter((i) => !taken.has(ring.positions[i] as number));
  return {
    positions: Uint32Array.from(keep, (i) => ring.positions[i] as number),
    owners: keep.map((i) => ring.owners[i] as string),
  };
}
