/**
 * Wrong: read-your-writes by time, as a database-selector middleware with a two-second delay
 * does: for 2 s after a user's update, reads go to the primary; after that the replica is trusted
 * again. A replica that lags longer than that (a long transaction, a vacuum, a busy network) serves
 * the old profile, and it is cached for a whole TTL.
 */
import { profileCacheKey, type Profile } from "../../src/profile";
import type { ServiceContext } from "../../src/service-context";
import { unknownUser } from "../../src/validation";

const STICK_TO_PRIMARY_MS = 2_000;

export async function readThrough(context: ServiceContext, userId: string): Promise<Profile> {
  const lastWrite = context.committed.latest(userId);
  const recent = lastWrite !== undefined && context.clock.now() - lastWrite.updatedAt < STICK_TO_PRIMARY_MS;
  const profile = await (recent ? context.primary : context.replica).read(userId);
  if (profile === undefined) throw unknownUser(userId);
  await context.cache.set(profileCacheKey(userId), profile, context.ttlMs);
  return profile;
}
