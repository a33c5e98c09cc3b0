/** Wrong: each page is ranked at the clock of its own read, not at the traversal's first instant. */
import { traversalFor as reference, type FeedPosition, type Traversal } from "../../src/cursor";

export { encodeCursor, type FeedPosition, type Traversal } from "../../src/cursor";

export function traversalFor(cursor: string | null | undefined, userId: string, feed: FeedPosition): Traversal {
  const traversal = reference(cursor, userId, feed);
  return cursor === undefined || cursor === null ? traversal : { ...traversal, rankedAt: feed.now };
}
