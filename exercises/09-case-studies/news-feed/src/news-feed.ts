import { notImplemented } from "#kata";
import type { FeedPage, NewPost, NewsFeedOptions, PublishReceipt, ReadOptions } from "./feed-spec";
// NewsFeedError (./errors), postScore (./score) and the defaults in ./feed-spec are what the
// finished feed is built from.

export * from "./feed-spec";

/**
 * A hybrid news feed.
 *
 * Delivery is decided once per post, when it is published, from its author's follower count then:
 * - fewer than `pullThreshold` followers: **push** (fan-out on write). The post is written into the
 *   stored feed of every current follower. A stored feed keeps at most `feedLimit` entries: when a
 *   write makes it one too many, the entry ranked last at that instant is dropped (maybe the new one).
 * - `pullThreshold` or more: **pull** (fan-out on read). The post stays with its author; a follower's
 *   read merges in the pulled posts of the authors they follow.
 * Either way a follower sees exactly the posts published after they started following, until they
 * unfollow; unfollowing takes the author's posts out of their feed.
 *
 * A read ranks the stored and pulled posts together, by postScore at one instant, higher first;
 * equal scores put the post published later (higher sequence) first. A traversal (a first page,
 * then each nextCursor in turn) is ranked at the instant of its first page, over the posts published
 * up to its first page, and serves at most `feedLimit` posts in all; each page continues strictly
 * after the previous page's last post. So new posts and the passing of time never move a post
 * across a page boundary: no post twice, none skipped.
 *
 * The feed's time is the injected clock's, and never runs backwards: a reading earlier than one
 * already seen counts as the latest one.
 *
 * Errors are NewsFeedErrors (./errors.ts) with a code; a call that throws changes nothing.
 */
export class NewsFeed {
  /** Followers from which an author's posts are pulled instead of pushed. */
  readonly pullThreshold: number;
  /** Entries kept per stored feed, and the most posts one traversal serves. */
  readonly feedLimit: number;
  /** The largest page readFeed serves. */
  readonly maxPageSize: number;

  /**
   * @throws NewsFeedError INVALID_OPTION when pullThreshold, feedLimit or maxPageSize is given and
   *   is not a positive integer, or clock is given and is not a function.
   */
  constructor(options: NewsFeedOptions = {}) {
    this.pullThreshold = options.pullThreshold ?? 0;
    this.feedLimit = options.feedLimit ?? 0;
    this.maxPageSize = options.maxPageSize ?? 0;
    notImplemented("new NewsFeed()");
  }

  /**
   * Starts `user` following `author`: from now on, the author's new posts reach the user's feed.
   * Returns false, and changes nothing, if the user already follows the author.
   * @throws NewsFeedError INVALID_USER_ID for an id that is not a non-empty string; SELF_FOLLOW
   *   when user and author are the same.
   */
  follow(user: string, author: string): boolean {
    return notImplemented(`NewsFeed.follow(${JSON.stringify(user)}, ${JSON.stringify(author)})`);
  }

  /**
   * Stops `user` following `author` and takes every post of the author out of the user's feed.
   * Returns false, and changes nothing, if the user did not follow the author.
   * @throws NewsFeedError INVALID_USER_ID for an id that is not a non-empty string.
   */
  unfollow(user: string, author: string): boolean {
    return notImplemented(`NewsFeed.unfollow(${JSON.stringify(user)}, ${JSON.stringify(author)})`);
  }

  /** How many users follow `user`. @throws NewsFeedError INVALID_USER_ID */
  followerCount(user: string): number {
    return notImplemented(`NewsFeed.followerCount(${JSON.stringify(user)})`);
  }

  /** Entries in `user`'s stored (pushed) feed: never more than feedLimit. @throws NewsFeedError INVALID_USER_ID */
  storedFeedSize(user: string): number {
    return notImplemented(`NewsFeed.storedFeedSize(${JSON.stringify(user)})`);
  }

  /**
   * Publishes a post at the clock's instant, with the next sequence number and the author's
   * follower count, and delivers it: pushed to every follower's stored feed, or kept to be pulled.
   * @throws NewsFeedError INVALID_POST_ID, INVALID_USER_ID (the author), INVALID_CONTENT_TYPE;
   *   DUPLICATE_POST for a post id already published.
   */
  publish(post: NewPost): PublishReceipt {
    return notImplemented(`NewsFeed.publish(${JSON.stringify(post)})`);
  }

  /**
   * One page of `user`'s feed: without a cursor, the first page of a new traversal ranked now;
   * with the previous page's nextCursor, the traversal's next page. The hot path: the bench reads
   * pages of 20 out of 2,000 candidates and expects no sort of all of them.
   * @throws NewsFeedError INVALID_USER_ID; INVALID_LIMIT for a limit that is not an integer from 1
   *   to maxPageSize; INVALID_CURSOR for a cursor this feed did not hand out for this user.
   */
  readFeed(user: string, options: ReadOptions = {}): FeedPage {
    return notImplemented(`NewsFeed.readFeed(${JSON.stringify(user)}, ${JSON.stringify(options)})`);
  }
}
