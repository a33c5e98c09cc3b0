/** Wrong: each page is ranked at the clock of its own read, not at the traversal's first instant. */
import { resumeTraversal as resume, type FeedPosition, type Traversal } from "../../src/cursor";

export { encodeCursor, startTraversal, type FeedPosition, type Traversal } from "../../src/cursor";

export function resumeTraversal(cursor: string, userId: string, feed: FeedPosition): Traversal {
  return { ...resume(cursor, userId, feed), rankedAt: feed.now };
}
