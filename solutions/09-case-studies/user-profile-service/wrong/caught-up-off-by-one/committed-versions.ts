/**
 * Wrong: a copy counts as current only when its version is above the committed one, so a replica
 * that has applied exactly the committed version is still taken for behind. Every later miss of
 * that user reads the primary, until some newer version reaches the replica: for most users,
 * never.
 */
import { CommittedVersions as Reference } from "../../src/committed-versions";
import type { Profile } from "../../src/profile";

export class CommittedVersions extends Reference {
  override isCurrent(copy: Profile): boolean {
    const latest = this.latest(copy.userId);
    return latest === undefined || copy.version > latest.version;
  }
}
