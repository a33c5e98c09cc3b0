/**
 * The one ordering rule of results: the higher score first; equal scores, the smaller document id
 * first (ids are numbers, compared as numbers). Every ranking decision, in the heap and in the
 * final sort, goes through here.
 */
export function ranksBefore(scoreA: number, idA: number, scoreB: number, idB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && idA < idB);
}
