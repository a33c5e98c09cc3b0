import { hash32 } from "./hash";
import { comparePoints, type Point } from "./point-order";
import { virtualNodeLabel } from "./ring-spec";

/**
 * The ring's points as two parallel arrays sorted by (position, owner): `positions` is a
 * Uint32Array so the search walks one compact block of memory; `owners[i]` owns `positions[i]`.
 * Membership changes build new arrays in one pass, O(P + V) for V points on a ring of P: they are
 * rare next to lookups, so the arrays are laid out for reading.
 */
export interface RingPoints {
  readonly positions: Uint32Array;
  readonly owners: readonly string[];
}

export const NO_POINTS: RingPoints = { positions: new Uint32Array(0), owners: [] };

/** A node's `virtualNodes` points, sorted: `hash32(virtualNodeLabel(node, i))` for each i. */
export function pointsOf(node: string, virtualNodes: number): Point[] {
  return Array.from({ length: virtualNodes }, (_, i) => ({
    position: hash32(virtualNodeLabel(node, i)),
    owner: node,
  })).sort(comparePoints);
}

/** The ring with `added` (sorted) merged in: one pass over both, as in merge sort. */
export function mergePoints(ring: RingPoints, added: readonly Point[]): RingPoints {
  const total = ring.positions.length + added.length;
  const positions = new Uint32Array(total);
  const owners = new Array<string>(total);
  let i = 0;
  let j = 0;
  for (let k = 0; k < total; k++) {
    const existing =
      i < ring.positions.length
        ? { position: ring.positions[i] as number, owner: ring.owners[i] as string }
        : undefined;
    const next = added[j];
    // On a tie the existing point goes first only if the order says so: comparePoints decides.
    if (existing !== undefined && (next === undefined || comparePoints(existing, next) <= 0)) {
      positions[k] = existing.position;
      owners[k] = existing.owner;
      i++;
    } else {
      positions[k] = (next as Point).position;
      owners[k] = (next as Point).owner;
      j++;
    }
  }
  return { positions, owners };
}

/** The ring without `node`'s points: every point it owns goes, and only those (by owner). */
export function withoutNode(ring: RingPoints, node: string): RingPoints {
  const keep = ring.owners.flatMap((owner, i) => (owner === node ? [] : [i]));
  return {
    positions: Uint32Array.from(keep, (i) => ring.positions[i] as number),
    owners: keep.map((i) => ring.owners[i] as string),
  };
}
