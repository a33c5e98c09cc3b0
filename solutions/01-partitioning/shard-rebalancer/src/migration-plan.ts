import type { KeyMove, ShardStores } from "./migration";
import { ownerOf } from "./placement";

/**
 * The plan: every key a shard holds whose owner after the change is another shard, from where it is
 * to that owner, shard by shard. A key whose owner is the shard that already holds it does not
 * move: copying it onto itself and then deleting the source would delete its only copy.
 */
export function planMoves(stores: ShardStores, after: readonly string[]): KeyMove[] {
  const moves: KeyMove[] = [];
  for (const [from, store] of stores) {
    for (const key of store.keys()) {
      const to = ownerOf(key, after);
      if (to !== from) moves.push({ key, from, to });
    }
  }
  return moves;
}
