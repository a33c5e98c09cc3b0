/**
 * Checks on a state received from another replica, before any of it is applied: a merge either
 * takes the whole state or throws and changes nothing.
 */
import { CrdtError } from "./errors";
import { REPLICA_ID } from "./replica-id";

export function invalidState(type: string, why: string): CrdtError {
  return new CrdtError(
    "INVALID_STATE",
    `${type}.merge() got a state no ${type} produces: ${why}; pass another replica's state() as it is`,
  );
}

/** A replica-to-count record whose every count is a safe integer, 0 or more. */
export function checkCounts(type: string, field: string, counts: unknown): Readonly<Record<string, number>> {
  if (typeof counts !== "object" || counts === null || Array.isArray(counts))
    throw invalidState(type, `${field} is ${JSON.stringify(counts)}, not an object of counts by replica`);
  for (const [replica, count] of Object.entries(counts)) {
    if (!REPLICA_ID.test(replica)) throw invalidState(type, `${field} names replica ${JSON.stringify(replica)}`);
    if (!Number.isSafeInteger(count) || (count as number) < 0)
      throw invalidState(type, `${field}[${JSON.stringify(replica)}] is ${JSON.stringify(count)}, not a count`);
  }
  return counts as Readonly<Record<string, number>>;
}
