/**
 * What a profile is, what an update may change, and what the service announces (given code: the
 * database, the cache, the tests and the event consumers all agree on these).
 */

/** A user's public profile, as the primary database commits it. Profiles are frozen: never modify one. */
export interface Profile {
  readonly userId: string;
  readonly displayName: string;
  readonly bio: string;
  /** An https URL, or null for the default picture. */
  readonly avatarUrl: string | null;
  /**
   * 1 when the user signed up, and one more at each committed update. A copy of the profile (on
   * the replica, in the cache) with a lower version than another is older than it.
   */
  readonly version: number;
  /** When the update that made this version committed, in the service clock's milliseconds. */
  readonly updatedAt: number;
}

/** The fields a profile update may change. Omit a field to leave it as it is. */
export interface ProfileChanges {
  displayName?: string;
  bio?: string;
  avatarUrl?: string | null;
}

/** The fields of ProfileChanges, in the order messages list them. */
export const PROFILE_FIELDS = ["displayName", "bio", "avatarUrl"] as const;

/**
 * The longest value of each field, in characters counted as Unicode code points (an emoji is one
 * character, as PostgreSQL's VARCHAR counts them): the users table's display_name VARCHAR(100) and
 * avatar_url VARCHAR(500), and Instagram's 150-character bio.
 */
export const FIELD_LIMITS = { displayName: 100, bio: 150, avatarUrl: 500 } as const;

/** Published once for each committed update, for the feed, search and notification services. */
export interface ProfileUpdated {
  type: "user_profile_updated";
  userId: string;
  /** The version the update committed: consumers use it to ignore an event older than one they applied. */
  version: number;
  /** The fields the update changed, with their new values (only those fields). */
  changes: ProfileChanges;
  /** When the update committed: the committed profile's updatedAt. */
  at: number;
}

export type ProfileEvent = ProfileUpdated;

/** The cache key of a user's profile: `user:<id>`, as the user service's Redis keys are named. */
export function profileCacheKey(userId: string): string {
  return `user:${userId}`;
}

/** How long a profile stays in the cache when the options do not say: one hour. */
export const DEFAULT_TTL_MS = 3_600_000;
