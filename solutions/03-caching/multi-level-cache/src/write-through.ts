import type { SmallLru } from "#kata/small-lru";
import type { Database, SharedCache } from "./infrastructure";

/** What a write touches, and only the operations it needs of each. */
export interface WriteTargets<V> {
  database: Pick<Database<V>, "write" | "remove">;
  l2: Pick<SharedCache<V>, "set" | "delete">;
  l1: Pick<SmallLru<string, V>, "set" | "delete">;
}

/**
 * One write (`value`) or delete (`undefined`), in the order that makes the guarantee hold: the
 * source of truth, the shared L2, this node's L1, and only then `announce`, so that any node that
 * reacts to the news by reading again (at once, inside the publish) finds the new value below its
 * L1. Announcing first would let it refill its L1 with the old one.
 */
export function writeThrough<V>(
  targets: WriteTargets<V>,
  key: string,
  value: V | undefined,
  announce: (key: string) => void,
): void {
  if (value === undefined) {
    targets.database.remove(key);
    targets.l2.delete(key);
    targets.l1.delete(key);
  } else {
    targets.database.write(key, value);
    targets.l2.set(key, value);
    targets.l1.set(key, value);
  }
  announce(key);
}
