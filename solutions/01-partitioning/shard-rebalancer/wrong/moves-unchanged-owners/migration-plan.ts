/**
 * The mistake: the plan sends every key to its owner after the change, without asking whether that
 * owner is the shard that already holds it. Most keys "move" from a shard to itself: the copy writes
 * the key onto itself, and the delete of the source then removes its only copy.
 */
import type { KeyMove, ShardStores } from "../../src/migration";
import { ownerOf } from "../../src/placement";

export function planMoves(stores: ShardStores, after: readonly string[]): KeyMove[] {
  const moves: KeyMove[] = [];
  for (const [from, store] of stores) {
    for (const key of store.keys()) moves.push({ key, from, to: ownerOf(key, after) });
  }
  return moves;
}
