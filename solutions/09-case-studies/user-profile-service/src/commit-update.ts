import { profileCacheKey, type Profile, type ProfileChanges } from "./profile";
import type { ServiceContext } from "./service-context";
import { unknownUser } from "./validation";

/**
 * The update, in the only safe order: commit on the primary; note the committed version (from
 * then on no older copy can be cached or served); delete the cached profile; publish the event.
 *
 * - Invalidating before the commit leaves a window in which a reader misses, reads the old
 *   profile and caches it again, and nothing deletes it after the commit.
 * - Publishing before the commit announces a change a consumer cannot see yet, or one that never
 *   happens if the write fails.
 * - Publishing before the delete lets a consumer that reads the profile on the event get the old
 *   one from the cache.
 */
export async function commitUpdate(context: ServiceContext, userId: string, changes: ProfileChanges): Promise<Profile> {
  const committed = await context.primary.update(userId, changes, context.clock.now());
  if (committed === undefined) throw unknownUser(userId);
  context.committed.record(committed);
  await context.cache.delete(profileCacheKey(userId));
  context.events.publish({
    type: "user_profile_updated",
    userId,
    version: committed.version,
    changes,
    at: committed.updatedAt,
  });
  return committed;
}
