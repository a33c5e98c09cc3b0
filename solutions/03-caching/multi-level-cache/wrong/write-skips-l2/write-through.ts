/**
 * Wrong design: a write updates the database and the L1s (its own directly, the others through the
 * broadcast) but not the shared L2. The other nodes drop the key as they should, read again, and
 * refill their L1 from an L2 that still holds the old value.
 */
import { writeThrough as writeAll, type WriteTargets } from "../../src/write-through";

export type { WriteTargets };

const untouchedL2 = { set: () => undefined, delete: () => undefined };

export function writeThrough<V>(
  targets: WriteTargets<V>,
  key: string,
  value: V | undefined,
  announce: (key: string) => void,
): void {
  writeAll({ ...targets, l2: untouchedL2 }, key, value, announce);
}
