/**
 * Wrong design: the invalidation is published first and the write done after it. A node that
 * reacts to the news by reading again at once (refresh-ahead, or any reader between the two
 * steps) finds the old value still in the L2, puts it back in its L1, and keeps serving it.
 */
import { writeThrough as writeInOrder, type WriteTargets } from "../../src/write-through";

export type { WriteTargets };

export function writeThrough<V>(
  targets: WriteTargets<V>,
  key: string,
  value: V | undefined,
  announce: (key: string) => void,
): void {
  announce(key);
  writeInOrder(targets, key, value, () => undefined);
}
