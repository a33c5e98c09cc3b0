import type { KeyMove } from "./migration";
import { ownerOf } from "./placement";

/**
 * Where a key's reads and writes go while a migration runs. A planned key lives at its source until
 * its switch and at its target from then on. Every other key goes by the layout after the change:
 * a key that is not moving is where it always was, and a key first written during the migration
 * goes straight to its new owner. Sending those by the layout before the change instead would
 * strand them: the plan was made before they existed, so nothing would ever move them, and a
 * removed shard would take them with it.
 */
export function routeDuringMigration(
  key: string,
  move: KeyMove | undefined,
  switched: boolean,
  layout: { readonly before: readonly string[]; readonly after: readonly string[] },
): string {
  if (move === undefined) return ownerOf(key, layout.after);
  return switched ? move.to : move.from;
}
