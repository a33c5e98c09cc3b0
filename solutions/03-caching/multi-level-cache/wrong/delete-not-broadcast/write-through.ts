/**
 * Wrong design: set() publishes the invalidation but delete() does not. The row is gone from the
 * database, the L2 and the deleting node's L1, while every other node that held it keeps serving
 * it from its L1.
 */
import { writeThrough as writeAndAnnounce, type WriteTargets } from "../../src/write-through";

export type { WriteTargets };

export function writeThrough<V>(
  targets: WriteTargets<V>,
  key: string,
  value: V | undefined,
  announce: (key: string) => void,
): void {
  writeAndAnnounce(targets, key, value, value === undefined ? () => undefined : announce);
}
