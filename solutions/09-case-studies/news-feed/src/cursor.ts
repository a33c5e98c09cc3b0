import { NewsFeedError } from "./errors";

/**
 * Where a traversal of one user's feed stands. Every page of it is ranked at `rankedAt` over the
 * posts published up to `lastSequence` (both fixed by its first page), and continues after the
 * post `afterSequence` (0 before the first page), `served` posts in.
 */
export interface Traversal {
  readonly userId: string;
  readonly rankedAt: number;
  readonly lastSequence: number;
  readonly afterSequence: number;
  readonly served: number;
}

export function encodeCursor(traversal: Traversal): string {
  const { userId, rankedAt, lastSequence, afterSequence, served } = traversal;
  return Buffer.from(JSON.stringify([rankedAt, lastSequence, afterSequence, served, userId])).toString("base64url");
}

/** The feed as it stands when a page is read. */
export interface FeedPosition {
  readonly now: number;
  readonly latestSequence: number;
  readonly feedLimit: number;
}

/**
 * The traversal a page belongs to: without a cursor a new one from the top, ranked now over
 * everything published so far; with one, the traversal it continues.
 */
export function traversalFor(cursor: string | null | undefined, userId: string, feed: FeedPosition): Traversal {
  if (cursor === undefined || cursor === null) {
    return { userId, rankedAt: feed.now, lastSequence: feed.latestSequence, afterSequence: 0, served: 0 };
  }
  return resumeTraversal(cursor, userId, feed);
}

/**
 * The traversal a cursor continues. Refuses anything this feed could not have handed to `userId`:
 * text that does not decode, another user's cursor, or a position this feed does not have (posts
 * it never published, a count past feedLimit): a cursor is not to be edited.
 */
function resumeTraversal(cursor: string, userId: string, feed: FeedPosition): Traversal {
  const fields = parse(cursor);
  if (fields === undefined) {
    throw new NewsFeedError(
      "INVALID_CURSOR",
      `${describe(cursor)} is not a cursor this feed handed out; pass a page's nextCursor as it is, or no cursor to start from the top`,
    );
  }
  const [rankedAt, lastSequence, afterSequence, served, owner] = fields;
  if (owner !== userId) {
    throw new NewsFeedError(
      "INVALID_CURSOR",
      `this cursor continues ${JSON.stringify(owner)}'s feed, not ${JSON.stringify(userId)}'s; start ${JSON.stringify(userId)}'s own traversal with no cursor`,
    );
  }
  const exists = 1 <= afterSequence && afterSequence <= lastSequence && lastSequence <= feed.latestSequence;
  if (!exists || served < 1 || served >= feed.feedLimit) {
    throw new NewsFeedError(
      "INVALID_CURSOR",
      `this cursor names a position this feed does not have (post ${afterSequence} of ${lastSequence}, ` +
        `${feed.latestSequence} published here): a cursor from another feed, or edited; start again with no cursor`,
    );
  }
  return { userId, rankedAt, lastSequence, afterSequence, served };
}

type Fields = [number, number, number, number, string];

/** The cursor's fields, or undefined unless it decodes to four numbers and a user id. */
function parse(cursor: string): Fields | undefined {
  try {
    const fields: unknown = JSON.parse(Buffer.from(String(cursor), "base64url").toString("utf8"));
    return Array.isArray(fields) && fields.slice(0, 4).every(Number.isFinite) && typeof fields[4] === "string"
      ? (fields as Fields)
      : undefined;
  } catch {
    return undefined;
  }
}

function describe(cursor: unknown): string {
  return `cursor ${JSON.stringify(cursor)}`;
}
