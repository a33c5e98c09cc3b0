/** Wrong: the score is worked out as at publication (the quick sketch scores at fan-out), so recency is always 10. */
import { postScore as reference, type ScoredFields, type ScoredPost } from "../../src/score";

export { authorScore, scoredPost, type ScoredFields, type ScoredPost } from "../../src/score";

export function recencyScore(): number {
  return 10;
}

export function scoreAt(scored: ScoredPost): number {
  return (scored.authorScore + recencyScore()) * scored.boost;
}

export function postScore(post: ScoredFields, at: number): number {
  reference(post, at); // the same checks
  return reference(post, post.createdAt);
}
