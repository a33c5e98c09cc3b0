import type { Profile } from "./profile";

/**
 * The latest profile this service committed for each user it updated: the line below which a copy
 * of that profile is old. A copy is current when its version is at least the committed one (an
 * equal version is the committed profile itself), so a replica that has applied the update serves
 * again at once.
 *
 * An entry is never dropped, because a copy read before the update may still be on its way back
 * (a slow replica read, a primary read answered late) and must be recognised as old when it lands,
 * however long after. It costs one small entry per user updated since the process started; see
 * NOTES.md for bounding it by the replica's replay position.
 */
export class CommittedVersions {
  private readonly latestByUser = new Map<string, Profile>();

  /**
   * Notes a committed profile. Answers to concurrent updates can arrive in any order, so an older
   * version never replaces a newer one.
   */
  record(committed: Profile): void {
    const known = this.latestByUser.get(committed.userId);
    if (known === undefined || committed.version > known.version) this.latestByUser.set(committed.userId, committed);
  }

  /** The latest profile committed for `userId` through this service, if any. */
  latest(userId: string): Profile | undefined {
    return this.latestByUser.get(userId);
  }

  /** False when this service committed a newer version of the profile than `copy`. */
  isCurrent(copy: Profile): boolean {
    return copy.version >= (this.latestByUser.get(copy.userId)?.version ?? 0);
  }
}
