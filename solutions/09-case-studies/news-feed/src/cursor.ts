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

/** A new traversal from the top: ranked now, over everything published so far. */
export function startTraversal(userId: string, now: number, lastSequence: number): Traversal {
  return { userId, rankedAt: now, lastSequence, afterSequence: 0, served: 0 };
}

export function encodeCursor(traversal: Traversal): string {
  const { userId, rankedAt, lastSequence, afterSequence, served } = traversal;
  return Buffer.from(JSON.stringify([rankedAt, lastSequence, afterSequence, served, userId])).toString("base64url");
}

/** What a cursor is checked against: the feed as it stands now. */
export interface FeedPosition {
  readonly now: number;
  readonly latestSequence: number;
  readonly feedLimit: number;
}

/**
 * The traversal a cursor continues. Refuses anything this feed could not have handed to `userId`:
 * another user's cursor, or numbers out of range (a cursor is not to be edited).
 */
export function resumeTraversal(cursor: string, userId: string, feed: FeedPosition): Traversal {
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
  if (
    rankedAt > feed.now ||
    lastSequence > feed.latestSequence ||
    afterSequence > lastSequence ||
    afterSequence < 1 ||
    served < 1 ||
    served >= feed.feedLimit
  ) {
    throw new NewsFeedError(
      "INVALID_CURSOR",
      `this cursor's position does not exist in this feed (a cursor from another feed instance, or edited); start again with no cursor`,
    );
  }
  return { userId, rankedAt, lastSequence, afterSequence, served };
}

type Fields = [number, number, number, number, string];

function parse(cursor: string): Fields | undefined {
  if (typeof cursor !== "string") return undefined;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields.length !== 5) return undefined;
  const [rankedAt, ...rest] = fields as unknown[];
  const counts = rest.slice(0, 3);
  if (typeof rankedAt !== "number" || !Number.isFinite(rankedAt)) return undefined;
  if (!counts.every((n) => Number.isSafeInteger(n))) return undefined;
  if (typeof rest[3] !== "string") return undefined;
  return fields as Fields;
}

function describe(cursor: unknown): string {
  return typeof cursor === "string" ? `cursor ${JSON.stringify(cursor)}` : `a cursor of type ${typeof cursor}`;
}
