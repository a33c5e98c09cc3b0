/**
 * The leader's commit point: the highest seq that `syncFollowers` followers have acknowledged
 * (the leader itself does not count: it has every entry, and dies with the ones only it has).
 * With syncFollowers 0 it is the end of the leader's own log: asynchronous replication.
 */
export function commitPosition(acknowledged: readonly number[], syncFollowers: number, lastSeq: number): number {
  if (syncFollowers === 0) return lastSeq;
  const highestFirst = [...acknowledged].sort((a, b) => b - a);
  return Math.min(lastSeq, highestFirst[syncFollowers - 1] ?? 0);
}
