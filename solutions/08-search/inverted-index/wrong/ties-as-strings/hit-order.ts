/**
 * The mistake: equal scores are ordered by id compared as strings, as JavaScript's default sort
 * compares, so 10 and 100 come before 9.
 */
export function ranksBefore(scoreA: number, idA: number, scoreB: number, idB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && String(idA) < String(idB));
}
