import { NewsFeedError } from "./errors";
import { encodeCursor, traversalFor } from "./cursor";
import { deliveryFor } from "./delivery";
import {
  DEFAULT_FEED_LIMIT,
  DEFAULT_MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  DEFAULT_PULL_THRESHOLD,
  type ContentType,
  type FeedPage,
  type NewPost,
  type NewsFeedOptions,
  type Post,
  type PublishReceipt,
  type ReadOptions,
} from "./feed-spec";
import { FollowGraph } from "./follow-graph";
import { PageSelection } from "./rank";
import { scoredPost, type ScoredPost } from "./score";
import { StoredFeed } from "./stored-feed";

export * from "./feed-spec";

const CONTENT_TYPES: readonly ContentType[] = ["text", "image", "video"];

/**
 * A hybrid news feed. An ordinary author's post is pushed into each follower's stored feed when it
 * is published; a post by an author with at least `pullThreshold` followers stays with its author
 * and is merged into followers' feeds when they read. A read ranks both together by score at one
 * instant, and a cursor keeps a traversal on that instant and on the posts published before it.
 */
export class NewsFeed {
  readonly pullThreshold: number;
  readonly feedLimit: number;
  readonly maxPageSize: number;
  private readonly clock: () => number;
  /** The latest clock reading: the feed's time never runs backwards. */
  private latest = -Infinity;
  private readonly graph = new FollowGraph();
  private readonly storedFeeds = new Map<string, StoredFeed>();
  /** Each author's pulled posts, in publish order. */
  private readonly pulledByAuthor = new Map<string, ScoredPost[]>();
  /** Every post, at index sequence - 1. */
  private readonly posts: ScoredPost[] = [];
  private readonly postIds = new Set<string>();

  constructor(options: NewsFeedOptions = {}) {
    this.pullThreshold = positiveInteger(options.pullThreshold, DEFAULT_PULL_THRESHOLD, "pullThreshold");
    this.feedLimit = positiveInteger(options.feedLimit, DEFAULT_FEED_LIMIT, "feedLimit");
    this.maxPageSize = positiveInteger(options.maxPageSize, DEFAULT_MAX_PAGE_SIZE, "maxPageSize");
    const clock = options.clock ?? Date.now;
    if (typeof clock !== "function") {
      throw new NewsFeedError("INVALID_OPTION", `clock must be a function returning ms, got ${describe(clock)}`);
    }
    this.clock = clock;
  }

  /** Starts `user` following `author`; false (and no change) if already following. */
  follow(user: string, author: string): boolean {
    checkUserId(user, "user");
    checkUserId(author, "author");
    if (user === author) {
      throw new NewsFeedError(
        "SELF_FOLLOW",
        `${JSON.stringify(user)} cannot follow themselves: a feed holds the posts of the accounts a user follows`,
      );
    }
    return this.graph.follow(user, author, this.posts.length);
  }

  /** Stops `user` following `author` and takes the author's posts out of their feed. */
  unfollow(user: string, author: string): boolean {
    checkUserId(user, "user");
    checkUserId(author, "author");
    if (!this.graph.unfollow(user, author)) return false;
    this.storedFeeds.get(user)?.removeAuthor(author);
    return true;
  }

  followerCount(user: string): number {
    checkUserId(user, "user");
    return this.graph.followers(user).size;
  }

  /** Entries in the user's stored (pushed) feed: never more than feedLimit. */
  storedFeedSize(user: string): number {
    checkUserId(user, "user");
    return this.storedFeeds.get(user)?.size ?? 0;
  }

  publish(input: NewPost): PublishReceipt {
    const { postId, authorId, contentType } = checkNewPost(input);
    if (this.postIds.has(postId)) {
      throw new NewsFeedError(
        "DUPLICATE_POST",
        `post ${JSON.stringify(postId)} is already published; give each post its own id`,
      );
    }
    const now = this.now();
    const followers = this.graph.followers(authorId);
    const post: Post = {
      postId,
      authorId,
      contentType,
      createdAt: now,
      authorFollowers: followers.size,
      sequence: this.posts.length + 1,
    };
    const scored = scoredPost(post);
    this.posts.push(scored);
    this.postIds.add(postId);
    const delivery = deliveryFor(followers.size, this.pullThreshold);
    if (delivery === "pull") {
      let outbox = this.pulledByAuthor.get(authorId);
      if (outbox === undefined) {
        outbox = [];
        this.pulledByAuthor.set(authorId, outbox);
      }
      outbox.push(scored);
      return { post, delivery, feedWrites: 0 };
    }
    for (const follower of followers) this.storedFeedOf(follower).add(scored, now);
    return { post, delivery, feedWrites: followers.size };
  }

  /**
   * One page of `user`'s feed. Without a cursor, a new traversal starts at the top, ranked now over
   * everything published so far; with one, the traversal continues after its previous page.
   */
  readFeed(user: string, options: ReadOptions = {}): FeedPage {
    checkUserId(user, "user");
    const limit = options.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > this.maxPageSize) {
      throw new NewsFeedError(
        "INVALID_LIMIT",
        `limit must be an integer from 1 to ${this.maxPageSize} (maxPageSize), got ${describe(limit)}`,
      );
    }
    const traversal = traversalFor(options.cursor, user, {
      now: this.now(),
      latestSequence: this.posts.length,
      feedLimit: this.feedLimit,
    });
    const { rankedAt, lastSequence, afterSequence, served } = traversal;
    const count = Math.min(limit, this.feedLimit - served);
    const selection = new PageSelection(rankedAt, this.posts[afterSequence - 1], count + 1);
    for (const scored of this.storedFeeds.get(user)?.all() ?? []) {
      if (scored.post.sequence <= lastSequence) selection.offer(scored);
    }
    for (const [author, since] of this.graph.following(user)) {
      const outbox = this.pulledByAuthor.get(author);
      if (outbox === undefined) continue;
      for (let i = outbox.length - 1; i >= 0; i--) {
        const scored = outbox[i] as ScoredPost;
        if (scored.post.sequence <= since) break;
        if (scored.post.sequence <= lastSequence) selection.offer(scored);
      }
    }
    const ranked = selection.best();
    const onPage = ranked.slice(0, count);
    const items = onPage.map(({ scored, score }) => ({ ...scored.post, score }));
    const last = onPage[onPage.length - 1];
    const more = ranked.length > count && served + count < this.feedLimit && last !== undefined;
    const nextCursor = more
      ? encodeCursor({ ...traversal, afterSequence: last.scored.post.sequence, served: served + count })
      : null;
    return { items, nextCursor, rankedAt };
  }

  private now(): number {
    const reading = this.clock();
    if (reading > this.latest) this.latest = reading;
    return this.latest;
  }

  private storedFeedOf(user: string): StoredFeed {
    let feed = this.storedFeeds.get(user);
    if (feed === undefined) {
      feed = new StoredFeed(this.feedLimit);
      this.storedFeeds.set(user, feed);
    }
    return feed;
  }
}

function positiveInteger(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new NewsFeedError(
      "INVALID_OPTION",
      `${name} must be a positive integer (default ${fallback}), got ${describe(value)}`,
    );
  }
  return value;
}

function checkUserId(id: unknown, role: string): asserts id is string {
  if (typeof id !== "string" || id === "") {
    throw new NewsFeedError("INVALID_USER_ID", `${role} ids are non-empty strings, got ${describe(id)}`);
  }
}

function checkNewPost(input: unknown): NewPost {
  if (typeof input !== "object" || input === null) {
    throw new NewsFeedError(
      "INVALID_POST_ID",
      `publish takes { postId, authorId, contentType }, got ${describe(input)}`,
    );
  }
  const { postId, authorId, contentType } = input as Record<string, unknown>;
  if (typeof postId !== "string" || postId === "") {
    throw new NewsFeedError("INVALID_POST_ID", `post ids are non-empty strings, got ${describe(postId)}`);
  }
  checkUserId(authorId, "author");
  if (!CONTENT_TYPES.includes(contentType as ContentType)) {
    throw new NewsFeedError(
      "INVALID_CONTENT_TYPE",
      `contentType must be "text", "image" or "video", got ${describe(contentType)}`,
    );
  }
  return { postId, authorId, contentType: contentType as ContentType };
}

/** A value as a message should show it: strings quoted, objects as JSON, the rest as written. */
function describe(value: unknown): string {
  return typeof value === "string" || (typeof value === "object" && value !== null)
    ? JSON.stringify(value)
    : String(value);
}
