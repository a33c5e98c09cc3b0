/**
 * Wrong: the event announces the change before the write is made (the version it will have is
 * known from the current one), "so consumers start early". A consumer that reads the profile on
 * the event sees the old one, and when the write fails the event announced a change that never
 * happened.
 */
import { profileCacheKey, type Profile, type ProfileChanges } from "../../src/profile";
import type { ServiceContext } from "../../src/service-context";
import { unknownUser } from "../../src/validation";

export async function commitUpdate(context: ServiceContext, userId: string, changes: ProfileChanges): Promise<Profile> {
  const current = await context.primary.read(userId);
  if (current === undefined) throw unknownUser(userId);
  const at = context.clock.now();
  context.events.publish({ type: "user_profile_updated", userId, version: current.version + 1, changes, at });
  const committed = await context.primary.update(userId, changes, at);
  if (committed === undefined) throw unknownUser(userId);
  context.committed.record(committed);
  await context.cache.delete(profileCacheKey(userId));
  return committed;
}
