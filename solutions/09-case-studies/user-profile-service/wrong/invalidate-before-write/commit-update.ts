/**
 * Wrong: the cached profile is deleted first, "so that nobody reads the old one", and then the
 * write goes to the primary. While the write is in flight a reader misses, reads the old profile
 * and caches it again; the commit deletes nothing, so the old profile is served for a whole TTL.
 */
import { profileCacheKey, type Profile, type ProfileChanges } from "../../src/profile";
import type { ServiceContext } from "../../src/service-context";
import { unknownUser } from "../../src/validation";

export async function commitUpdate(context: ServiceContext, userId: string, changes: ProfileChanges): Promise<Profile> {
  await context.cache.delete(profileCacheKey(userId));
  const committed = await context.primary.update(userId, changes, context.clock.now());
  if (committed === undefined) throw unknownUser(userId);
  context.committed.record(committed);
  context.events.publish({
    type: "user_profile_updated",
    userId,
    version: committed.version,
    changes,
    at: committed.updatedAt,
  });
  return committed;
}
