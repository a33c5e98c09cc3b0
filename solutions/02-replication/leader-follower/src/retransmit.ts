/**
 * Whether a follower's replication has stalled: it lacks entries, and has acknowledged nothing new
 * for a whole retransmit interval since `since` (the last progress, or the last send to it). Then
 * the leader resends what it lacks: networks lose messages, and an Append or Ack lost is otherwise
 * lost for good.
 */
export function stalled(now: number, since: number, retransmitMs: number): boolean {
  return now - since >= retransmitMs;
}
