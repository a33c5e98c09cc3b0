/**
 * Wrong: the quick sketch's read path. Every miss reads the replica and caches what it got. Right
 * after an update the replica still has the old profile, so the first miss puts the old profile
 * back in the cache, where it stays for the whole TTL, long after the replica has caught up.
 */
import { profileCacheKey, type Profile } from "../../src/profile";
import type { ServiceContext } from "../../src/service-context";
import { unknownUser } from "../../src/validation";

export async function readThrough(context: ServiceContext, userId: string): Promise<Profile> {
  const profile = await context.replica.read(userId);
  if (profile === undefined) throw unknownUser(userId);
  await context.cache.set(profileCacheKey(userId), profile, context.ttlMs);
  return profile;
}
