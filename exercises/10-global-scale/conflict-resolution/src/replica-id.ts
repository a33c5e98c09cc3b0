import { CrdtError } from "./errors";

/** What a replica id looks like: safe as an object key (no `__proto__`), short enough to log. */
export const REPLICA_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * Checks a replica id and returns it. Given code: every type's constructor calls it.
 * @throws CrdtError INVALID_REPLICA_ID
 */
export function checkReplicaId(replica: unknown): string {
  if (typeof replica === "string" && REPLICA_ID.test(replica)) return replica;
  const shown = typeof replica === "string" ? JSON.stringify(replica) : `a ${typeof replica}`;
  throw new CrdtError(
    "INVALID_REPLICA_ID",
    `replica id ${shown} is not valid: use 1-64 letters, digits, dots, dashes, underscores or colons, starting with a letter or digit ("eu-west-1", "node:3")`,
  );
}
