/**
 * Wrong: each committed profile replaces the one noted before it. When the answers to two
 * concurrent updates arrive newest first, the older version is noted last: the service then
 * takes the replica's copy of the older version for current, serves it and caches it.
 */
import type { Profile } from "../../src/profile";

export class CommittedVersions {
  private readonly latestByUser = new Map<string, Profile>();

  record(committed: Profile): void {
    this.latestByUser.set(committed.userId, committed);
  }

  latest(userId: string): Profile | undefined {
    return this.latestByUser.get(userId);
  }

  isCurrent(copy: Profile): boolean {
    return copy.version >= (this.latestByUser.get(copy.userId)?.version ?? 0);
  }
}
