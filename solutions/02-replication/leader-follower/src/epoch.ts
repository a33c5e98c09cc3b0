/**
 * How a replica treats an Append by its epoch: one from an older epoch comes from a leader that
 * has been replaced (its late or in-flight messages), and is dropped; one from a newer epoch means
 * a failover happened: follow its sender from now on.
 */
export function appendVerdict(ownEpoch: number, messageEpoch: number): "stale" | "current" | "newer" {
  if (messageEpoch < ownEpoch) return "stale";
  return messageEpoch === ownEpoch ? "current" : "newer";
}
