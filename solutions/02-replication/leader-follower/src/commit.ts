/**
 * The leader's commit point: the highest seq that `syncFollowers` followers have acknowledged
 * (the leader itself does not count: it has every entry, and dies with the ones only it has).
 * With syncFollowers 0 it is the end of the leader's own log: asynchronous replication. No
 * follower acknowledges beyond the leader's log (the leader ignores such an Ack).
 */
export function commitPosition(acknowledged: readonly number[], syncFollowers: number, lastSeq: number): number {
  if (syncFollowers === 0) return lastSeq;
  const highestFirst = [...acknowledged].sort((a, b) => b - a);
  return highestFirst[syncFollowers - 1] ?? 0;
}
