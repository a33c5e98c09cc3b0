/** Wrong: the leader counts itself among the followers that must hold a write, so syncFollowers 1 commits at once. */
export function commitPosition(acknowledged: readonly number[], syncFollowers: number, lastSeq: number): number {
  if (syncFollowers === 0) return lastSeq;
  const highestFirst = [lastSeq, ...acknowledged].sort((a, b) => b - a);
  return highestFirst[syncFollowers - 1] ?? 0;
}
