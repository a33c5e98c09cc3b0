/** Wrong: the entries an old leader left waiting for a gap are kept when a new leader takes over. */
import { FollowerInbox as Reference } from "../../src/follower-inbox";

export class FollowerInbox extends Reference {
  override clear(): void {
    // keeps what waits
  }
}
