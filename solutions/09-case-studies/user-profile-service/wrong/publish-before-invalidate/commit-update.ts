/**
 * Wrong: commit, publish, then delete the cached profile. A consumer that reacts to the event by
 * reading the profile through the service (the feed service refreshing an author's name, say)
 * hits the old entry, which is still in the cache.
 */
import { profileCacheKey, type Profile, type ProfileChanges } from "../../src/profile";
import type { ServiceContext } from "../../src/service-context";
import { unknownUser } from "../../src/validation";

export async function commitUpdate(context: ServiceContext, userId: string, changes: ProfileChanges): Promise<Profile> {
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
  await context.cache.delete(profileCacheKey(userId));
  return committed;
}
