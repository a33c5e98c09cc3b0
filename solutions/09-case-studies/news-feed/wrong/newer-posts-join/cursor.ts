/** Wrong: each page looks at every post published so far, so posts newer than the first page join in. */
import { traversalFor as reference, type FeedPosition, type Traversal } from "../../src/cursor";

export { encodeCursor, type FeedPosition, type Traversal } from "../../src/cursor";

export function traversalFor(cursor: string | null | undefined, userId: string, feed: FeedPosition): Traversal {
  const traversal = reference(cursor, userId, feed);
  return cursor === undefined || cursor === null ? traversal : { ...traversal, lastSequence: feed.latestSequence };
}
