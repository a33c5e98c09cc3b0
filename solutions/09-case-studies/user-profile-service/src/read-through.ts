import { profileCacheKey, type Profile } from "./profile";
import type { ServiceContext } from "./service-context";
import { unknownUser } from "./validation";

/**
 * A cache miss. The replica answers unless its copy is older than a version this service
 * committed; then the primary does. Whatever is read is cached unless it is older than that
 * version. The committed version is looked up after each read has answered, never before: an
 * update that committed while the read was on its way makes the read's copy old.
 */
export async function readThrough(context: ServiceContext, userId: string): Promise<Profile> {
  const fromReplica = await context.replica.read(userId);
  if (fromReplica !== undefined && context.committed.isCurrent(fromReplica)) return fill(context, fromReplica);
  // Not on the replica, and never updated here: there is no such user (a sign-up the replica has
  // not applied yet looks the same; see the README's follow-up questions).
  if (fromReplica === undefined && context.committed.latest(userId) === undefined) throw unknownUser(userId);
  const fromPrimary = await context.primary.read(userId);
  if (fromPrimary === undefined) throw unknownUser(userId);
  // A primary read answered after a newer commit is still what the primary held when it was
  // asked, so it answers this reader; it must not be cached.
  return context.committed.isCurrent(fromPrimary) ? fill(context, fromPrimary) : fromPrimary;
}

/** Caches `profile` for the TTL and returns it. The check before it and the set run in one turn. */
async function fill(context: ServiceContext, profile: Profile): Promise<Profile> {
  await context.cache.set(profileCacheKey(profile.userId), profile, context.ttlMs);
  return profile;
}
