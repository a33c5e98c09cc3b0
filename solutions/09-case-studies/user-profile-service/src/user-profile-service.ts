import { commitUpdate } from "./commit-update";
import { CommittedVersions } from "./committed-versions";
import { profileCacheKey, type Profile, type ProfileChanges } from "./profile";
import { readThrough } from "./read-through";
import type { ServiceContext } from "./service-context";
import type { UserProfileServiceOptions } from "./stores";
import { checkChanges, checkOptions, checkUserId } from "./validation";

export type { Profile, ProfileChanges, ProfileEvent, ProfileUpdated } from "./profile";
export type { UserProfileServiceOptions } from "./stores";

/**
 * The user service's profile path.
 *
 * - Reads (./read-through): the shared cache, then the replica, then the primary only when the
 *   replica's copy is older than a version this service committed.
 * - Updates (./commit-update): commit, note the version, delete the cached profile, publish.
 * - The versions committed (./committed-versions) are what both paths judge a copy by: a copy
 *   below them is old, whether it comes from the lagging replica or from a read that was
 *   overtaken by an update.
 */
export class UserProfileService {
  private readonly context: ServiceContext;

  constructor(options: UserProfileServiceOptions) {
    const ttlMs = checkOptions(options);
    const { primary, replica, cache, events, clock } = options;
    this.context = { primary, replica, cache, events, clock, ttlMs, committed: new CommittedVersions() };
  }

  async getProfile(userId: string): Promise<Profile> {
    checkUserId(userId);
    // A cached profile is current: nothing older than a committed version is ever cached, and an
    // update deletes the entry once its version is noted.
    const cached = await this.context.cache.get(profileCacheKey(userId));
    return cached ?? readThrough(this.context, userId);
  }

  async updateProfile(userId: string, changes: ProfileChanges): Promise<Profile> {
    checkUserId(userId);
    return commitUpdate(this.context, userId, checkChanges(changes));
  }
}
