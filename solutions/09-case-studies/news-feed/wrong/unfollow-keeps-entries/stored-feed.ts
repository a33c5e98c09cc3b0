/** Wrong: unfollowing stops new posts but leaves the author's stored entries in the feed. */
import { StoredFeed as Reference } from "../../src/stored-feed";

export class StoredFeed extends Reference {
  override removeAuthor(): void {
    // nothing removed
  }
}
