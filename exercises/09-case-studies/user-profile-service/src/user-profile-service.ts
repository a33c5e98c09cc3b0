import { notImplemented } from "#kata";
import { ProfileError } from "./errors";
import { DEFAULT_TTL_MS, FIELD_LIMITS, PROFILE_FIELDS, profileCacheKey } from "./profile";
import type { Profile, ProfileChanges, ProfileEvent } from "./profile";
import type { UserProfileServiceOptions } from "./stores";
// ProfileError, the field rules, the cache key and the event type are what the finished service is built from.

export type { Profile, ProfileChanges, ProfileEvent, ProfileUpdated } from "./profile";
export type { UserProfileServiceOptions } from "./stores";

/**
 * The user service's profile path: cache-aside reads through a shared cache, backed by a read
 * replica, and updates written to the primary that invalidate the cache and publish an event.
 *
 * The hard part is that the replica lags. Three promises hold whatever its lag:
 *
 * - **Read your writes.** Once updateProfile(u) has resolved, getProfile(u) returns that version
 *   or a newer one: a user who saves a new bio sees it on the next page. When the replica's copy
 *   is older than the latest version this service committed for u, read the primary instead.
 * - **The cache never goes back.** Never put a profile in the cache that is older than the latest
 *   version this service committed for that user. A miss that read the lagging replica, or a read
 *   that started before an update and finished after it, would otherwise serve the old profile for
 *   a whole TTL, long after the replica caught up.
 * - **Announce only what happened.** The event goes out after the write has committed, and after
 *   the cache entry is gone: a consumer that reads the profile when the event arrives must find the
 *   new version, and a failed write announces nothing.
 *
 * The primary is the expensive, unscalable part: read it only when the replica's copy is older than
 * a version this service committed (an equal version is current). Decide by versions, never by the
 * time since the write: the replica's lag has no bound.
 *
 * Errors are ProfileErrors (./errors.ts) with a code; the methods reject with them.
 */
export class UserProfileService {
  /**
   * @throws ProfileError INVALID_OPTIONS when primary, replica, cache, events or clock is missing
   *   or lacks a method the service calls; INVALID_TTL unless ttlMs (when given) is a positive
   *   whole number of milliseconds. ttlMs defaults to DEFAULT_TTL_MS, one hour.
   */
  constructor(options: UserProfileServiceOptions) {
    notImplemented(`new UserProfileService({ ttlMs: ${String(options?.ttlMs)}, ... })`);
  }

  /**
   * The user's profile. Cache first (key profileCacheKey(userId)); on a miss, the replica, or the
   * primary when the replica's copy is older than a version this service committed. What was read
   * is cached for ttlMs, unless it is older than that version.
   *
   * Rejects with ProfileError INVALID_USER_ID for an empty or non-string id; UNKNOWN_USER when
   * there is no such user (nothing is cached). A store's failure rejects with the store's error.
   */
  getProfile(userId: string): Promise<Profile> {
    return notImplemented(`UserProfileService.getProfile(${JSON.stringify(userId)})`);
  }

  /**
   * Validates `changes`, writes them to the primary (stamped with the clock's now), and once the
   * write has committed: deletes the cached profile, then publishes one "user_profile_updated"
   * event with the committed version, the changes and the commit time. Resolves to the committed
   * profile.
   *
   * Rejects, touching no store, with ProfileError INVALID_USER_ID; INVALID_CHANGES when changes is
   * not an object, has no field, or names a field other than displayName, bio and avatarUrl;
   * INVALID_FIELD when a value breaks its rule (see FIELD_LIMITS: displayName 1-100 characters and
   * not blank, bio up to 150, avatarUrl null or an https URL up to 500). Rejects with UNKNOWN_USER
   * when the primary has no such user, and with the primary's error when the write fails: in both
   * cases nothing is deleted and nothing is published.
   */
  updateProfile(userId: string, changes: ProfileChanges): Promise<Profile> {
    return notImplemented(`UserProfileService.updateProfile(${JSON.stringify(userId)}, ${JSON.stringify(changes)})`);
  }
}
