import { NewsFeedError } from "./errors";
import { CONTENT_BOOST, type Post } from "./feed-spec";

const MS_PER_HOUR = 3_600_000;

/** The fields of a post its score depends on. */
export type ScoredFields = Pick<Post, "createdAt" | "authorFollowers" | "contentType">;

/** A post with the parts of its score that never change, worked out once when it is published. */
export interface ScoredPost {
  readonly post: Post;
  readonly authorScore: number;
  readonly boost: number;
}

/** min(log10(followers + 1), 5): 0 for no followers, 1 for 9, 5 from 99,999 on. */
export function authorScore(followers: number): number {
  return Math.min(Math.log10(followers + 1), 5);
}

/** max(0, 10 - ageHours / 24): 10 at publication, one point less a day, 0 from ten days on. */
export function recencyScore(ageMs: number): number {
  return Math.max(0, 10 - ageMs / MS_PER_HOUR / 24);
}

export function scoredPost(post: Post): ScoredPost {
  return { post, authorScore: authorScore(post.authorFollowers), boost: CONTENT_BOOST[post.contentType] };
}

/** The score of an already checked post at `at`: the formula of postScore, from its fixed parts. */
export function scoreAt(scored: ScoredPost, at: number): number {
  return (scored.authorScore + recencyScore(at - scored.post.createdAt)) * scored.boost;
}

/**
 * The post's score at instant `at` (ms):
 * (min(log10(authorFollowers + 1), 5) + max(0, 10 - ageHours / 24)) * boost,
 * where ageHours = (at - createdAt) / 3,600,000 and boost is 1.0 text, 1.2 image, 1.5 video.
 */
export function postScore(post: ScoredFields, at: number): number {
  if (!Number.isFinite(at)) {
    throw new NewsFeedError("INVALID_INSTANT", `postScore needs a finite instant in ms, got ${String(at)}`);
  }
  if (at < post.createdAt) {
    throw new NewsFeedError(
      "INVALID_INSTANT",
      `postScore at ${at} is before the post was published (${post.createdAt}): a post has no score before it exists`,
    );
  }
  return (authorScore(post.authorFollowers) + recencyScore(at - post.createdAt)) * CONTENT_BOOST[post.contentType];
}
