/**
 * The mistake: during a migration, keys that are not in the plan go by the layout before the change
 * ("the new layout is live only when the migration ends"). A key first written during the migration
 * lands on its old owner, and the plan, made before the key existed, never moves it: after an
 * addition it is on the wrong shard, after a removal it leaves with the removed shard.
 */
import type { KeyMove } from "../../src/migration";
import { ownerOf } from "../../src/placement";

export function routeDuringMigration(
  key: string,
  move: KeyMove | undefined,
  switched: boolean,
  layout: { readonly before: readonly string[]; readonly after: readonly string[] },
): string {
  if (move === undefined) return ownerOf(key, layout.before);
  return switched ? move.to : move.from;
}
