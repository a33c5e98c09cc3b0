import { notImplemented } from "#kata";
import type { Post } from "./feed-spec";
// CONTENT_BOOST (./feed-spec) and NewsFeedError (./errors) are what the finished function uses.

/** The fields of a post its score depends on. */
export type ScoredFields = Pick<Post, "createdAt" | "authorFollowers" | "contentType">;

/**
 * The post's score at instant `at` (ms since the epoch), the engagement and recency score of the
 * workbook's feed service:
 *
 *   authorScore = min(log10(authorFollowers + 1), 5)      0 for no followers, 1 for 9, 5 from 99,999 on
 *   ageHours    = (at - createdAt) / 3,600,000
 *   recency     = max(0, 10 - ageHours / 24)              10 when published, 0 from ten days on
 *   score       = (authorScore + recency) * CONTENT_BOOST[contentType]   1.0 text, 1.2 image, 1.5 video
 *
 * Compute it in this order, with these operations: two posts with the same fields must get the
 * very same number, or a tie between them is decided by rounding.
 *
 * @throws NewsFeedError INVALID_INSTANT when `at` is not a finite number, or is before createdAt.
 */
export function postScore(post: ScoredFields, at: number): number {
  return notImplemented(`postScore(post of ${post.createdAt}, ${at})`);
}
