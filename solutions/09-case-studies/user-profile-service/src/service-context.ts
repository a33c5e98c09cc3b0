import type { CommittedVersions } from "./committed-versions";
import type { UserProfileServiceOptions } from "./stores";

/** What the read path and the update path share: the stores, the TTL, and the versions committed. */
export interface ServiceContext extends Required<UserProfileServiceOptions> {
  committed: CommittedVersions;
}
