/** Wrong: each page looks at every post published so far, so posts newer than the first page join in. */
import { resumeTraversal as resume, type FeedPosition, type Traversal } from "../../src/cursor";

export { encodeCursor, startTraversal, type FeedPosition, type Traversal } from "../../src/cursor";

export function resumeTraversal(cursor: string, userId: string, feed: FeedPosition): Traversal {
  return { ...resume(cursor, userId, feed), lastSequence: feed.latestSequence };
}
