/** The feed's types and the figures fixed by the spec, so every implementation agrees (given code). */

export type ContentType = "text" | "image" | "video";

/** The score's content boost: the whole score is multiplied by the post's type's. */
export const CONTENT_BOOST: Readonly<Record<ContentType, number>> = { text: 1.0, image: 1.2, video: 1.5 };

/** An author with at least this many followers when publishing is pulled at read time. */
export const DEFAULT_PULL_THRESHOLD = 10_000;
/** Entries kept in each user's stored feed, and the most posts one traversal serves. */
export const DEFAULT_FEED_LIMIT = 1_000;
/** Posts on a page when readFeed is given no limit. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest limit readFeed accepts when the options name none. */
export const DEFAULT_MAX_PAGE_SIZE = 100;

export interface NewsFeedOptions {
  /** Milliseconds now; Date.now when omitted. Tests inject a clock they move by hand. */
  clock?: () => number;
  /** A positive integer; 10,000 when omitted. See DEFAULT_PULL_THRESHOLD. */
  pullThreshold?: number;
  /** A positive integer; 1,000 when omitted. See DEFAULT_FEED_LIMIT. */
  feedLimit?: number;
  /** A positive integer; 100 when omitted. */
  maxPageSize?: number;
}

/** What a caller publishes. */
export interface NewPost {
  postId: string;
  authorId: string;
  contentType: ContentType;
}

/** A published post, as the feed keeps it. */
export interface Post {
  readonly postId: string;
  readonly authorId: string;
  readonly contentType: ContentType;
  /** The feed's clock when it was published, in ms. */
  readonly createdAt: number;
  /** How many followers its author had when it was published: the score's author term. */
  readonly authorFollowers: number;
  /** Its place in publish order: 1 for the feed's first post, then 2, 3, ... */
  readonly sequence: number;
}

export interface PublishReceipt {
  readonly post: Post;
  /**
   * "push": written into each follower's stored feed at once (fan-out on write).
   * "pull": kept with its author and merged into followers' feeds when they read (fan-out on read).
   */
  readonly delivery: "push" | "pull";
  /** Stored-feed entries written: one per follower for a push, none for a pull. */
  readonly feedWrites: number;
}

/** A post on a page, with its score at the instant the traversal is ranked at. */
export interface FeedItem extends Post {
  readonly score: number;
}

export interface ReadOptions {
  /** Posts on this page: an integer from 1 to maxPageSize; 20 when omitted. */
  limit?: number;
  /** The previous page's nextCursor; omitted (or null) to start a new traversal at the top. */
  cursor?: string | null;
}

export interface FeedPage {
  readonly items: FeedItem[];
  /** Pass it to readFeed for the next page; null when this page is the traversal's last. */
  readonly nextCursor: string | null;
  /** The instant every page of this traversal is ranked at: the clock at its first page. */
  readonly rankedAt: number;
}
