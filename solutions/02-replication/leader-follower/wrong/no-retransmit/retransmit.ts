/** Wrong: the leader sends each entry once and trusts the network; a lost Append or Ack is never repaired. */
export function stalled(now: number, since: number, retransmitMs: number): boolean {
  return now < since - retransmitMs; // never
}
