/** Wrong: the next page takes the posts scored strictly below the cursor's (the quick sketch's `score < cursor`). */
export { ranksBefore } from "../../src/feed-order";

export function isPastCursor(score: number, _sequence: number, cursorScore: number): boolean {
  return score < cursorScore;
}
