/**
 * Given test helpers for news-feed, shared by the visible and the hidden tests: a clock moved by
 * hand, the score and the feed order worked out from first principles, a traversal reader, and a
 * small model of the whole feed that the tests compare pages with.
 */
import { ensure } from "#kata/testing";
import { NewsFeed, type ContentType, type FeedPage, type NewsFeedOptions, type Post } from "./src/news-feed";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 5 January 2026, 09:00 UTC: where every test's clock starts. */
export const START = Date.UTC(2026, 0, 5, 9);

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public now: number = START) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export function feedOn(options: Omit<NewsFeedOptions, "clock"> = {}): { feed: NewsFeed; clock: ManualClock } {
  const clock = new ManualClock();
  return { feed: new NewsFeed({ ...options, clock: clock.read }), clock };
}

/** Makes `count` users (`${prefix}-0`, ...) follow `author`; returns their ids. */
export function addFollowers(
  feed: Pick<NewsFeed, "follow">,
  author: string,
  count: number,
  prefix = `fan-of-${author}`,
): string[] {
  const users = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  for (const user of users) feed.follow(user, author);
  return users;
}

const BOOST: Record<ContentType, number> = { text: 1.0, image: 1.2, video: 1.5 };

/** The score as the README defines it, computed here on its own. */
export function expectedScore(post: Pick<Post, "createdAt" | "authorFollowers" | "contentType">, at: number): number {
  const authorScore = Math.min(Math.log10(post.authorFollowers + 1), 5);
  const ageHours = (at - post.createdAt) / HOUR;
  const recency = Math.max(0, 10 - ageHours / 24);
  return (authorScore + recency) * BOOST[post.contentType];
}

/** Feed order at `at`: higher score first, equal scores the later-published first. */
export function inFeedOrder<P extends Post>(posts: readonly P[], at: number): P[] {
  return posts
    .map((post) => ({ post, score: expectedScore(post, at) }))
    .sort((a, b) => b.score - a.score || b.post.sequence - a.post.sequence)
    .map(({ post }) => post);
}

export function idsOf(posts: readonly { postId: string }[]): string[] {
  return posts.map((post) => post.postId);
}

/** A list of ids for a message: "[a, b, c]". */
export function listed(ids: readonly string[]): string {
  return `[${ids.join(", ")}]`;
}

export interface Traversal {
  pages: FeedPage[];
  /** Every page's post ids, in order. */
  ids: string[];
}

/**
 * Reads a whole traversal of `user`'s feed in pages of `limit`, calling `between(n)` after the n-th
 * page (1, 2, ...) before the next is read: where a test publishes posts or moves the clock.
 */
export function readAll(
  feed: Pick<NewsFeed, "readFeed">,
  user: string,
  limit: number,
  between?: (pagesRead: number) => void,
): Traversal {
  const pages: FeedPage[] = [feed.readFeed(user, { limit })];
  for (;;) {
    const cursor = (pages[pages.length - 1] as FeedPage).nextCursor;
    if (cursor === null) break;
    ensure(
      pages.length <= 10_000,
      `a traversal of ${user}'s feed went past 10,000 pages: nextCursor never became null`,
    );
    between?.(pages.length);
    pages.push(feed.readFeed(user, { limit, cursor }));
  }
  return { pages, ids: pages.flatMap((page) => idsOf(page.items)) };
}

/** The ids that appear more than once in a list. */
export function repeated(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => seen.has(id) || (seen.add(id), false)))];
}

/**
 * The feed's rules, kept as plainly as possible: every post, who follows whom since which post,
 * the stored feeds as lists trimmed by sorting, and a page as a sort of every candidate.
 */
export class FeedModel {
  readonly posts: Post[] = [];
  private readonly pulled = new Set<number>();
  private readonly follows = new Map<string, Map<string, number>>();
  private readonly stored = new Map<string, Post[]>();

  constructor(
    readonly pullThreshold: number,
    readonly feedLimit: number,
  ) {}

  followersOf(author: string): string[] {
    return [...this.follows].filter(([, authors]) => authors.has(author)).map(([user]) => user);
  }

  follow(user: string, author: string): void {
    const authors = this.follows.get(user) ?? new Map<string, number>();
    this.follows.set(user, authors);
    if (!authors.has(author)) authors.set(author, this.posts.length);
  }

  unfollow(user: string, author: string): void {
    this.follows.get(user)?.delete(author);
    this.stored.set(
      user,
      (this.stored.get(user) ?? []).filter((post) => post.authorId !== author),
    );
  }

  /** Records a post as the feed published it (after the test checked its fields); returns its delivery. */
  publish(post: Post): "push" | "pull" {
    this.posts.push(post);
    const followers = this.followersOf(post.authorId);
    if (followers.length >= this.pullThreshold) {
      this.pulled.add(post.sequence);
      return "pull";
    }
    for (const user of followers) {
      const feed = [...(this.stored.get(user) ?? []), post];
      this.stored.set(user, inFeedOrder(feed, post.createdAt).slice(0, this.feedLimit));
    }
    return "push";
  }

  storedIds(user: string): string[] {
    return idsOf(this.stored.get(user) ?? []).sort();
  }

  /** The candidates of a traversal that covers the posts up to `lastSequence`. */
  candidates(user: string, lastSequence: number): Post[] {
    const authors = this.follows.get(user) ?? new Map<string, number>();
    const pulled = this.posts.filter((post) => {
      const since = authors.get(post.authorId);
      return this.pulled.has(post.sequence) && since !== undefined && post.sequence > since;
    });
    return [...(this.stored.get(user) ?? []), ...pulled].filter((post) => post.sequence <= lastSequence);
  }

  /**
   * A page of a traversal ranked at `rankedAt` over the posts up to `lastSequence`: the posts after
   * `after`, `served` already served; `more` says whether a next page has anything to show.
   */
  page(
    user: string,
    traversal: { rankedAt: number; lastSequence: number },
    after: Post | undefined,
    served: number,
    limit: number,
  ): { posts: Post[]; more: boolean } {
    const ranked = inFeedOrder(this.candidates(user, traversal.lastSequence), traversal.rankedAt);
    const rest = after === undefined ? ranked : ranked.filter((post) => comesAfter(post, after, traversal.rankedAt));
    const count = Math.min(limit, this.feedLimit - served);
    return { posts: rest.slice(0, count), more: rest.length > count && served + count < this.feedLimit };
  }
}

function comesAfter(post: Post, cursor: Post, at: number): boolean {
  const score = expectedScore(post, at);
  const cursorScore = expectedScore(cursor, at);
  return score < cursorScore || (score === cursorScore && post.sequence < cursor.sequence);
}
