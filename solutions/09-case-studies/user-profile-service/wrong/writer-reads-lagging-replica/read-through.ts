/**
 * Wrong: the cache is protected (a copy older than the committed version is not cached), but the
 * reader is still given the replica's copy, whatever its version. The user who just saved a new
 * bio reloads the page and sees the old one: no read-your-writes.
 */
import { profileCacheKey, type Profile } from "../../src/profile";
import type { ServiceContext } from "../../src/service-context";
import { unknownUser } from "../../src/validation";

export async function readThrough(context: ServiceContext, userId: string): Promise<Profile> {
  const fromReplica = await context.replica.read(userId);
  const copy = fromReplica ?? (context.committed.latest(userId) ? await context.primary.read(userId) : undefined);
  if (copy === undefined) throw unknownUser(userId);
  if (context.committed.isCurrent(copy)) await context.cache.set(profileCacheKey(userId), copy, context.ttlMs);
  return copy;
}
