/** Wrong: an Append of an older epoch is taken as current, so a replaced leader's late entries are applied. */
export function appendVerdict(ownEpoch: number, messageEpoch: number): "stale" | "current" | "newer" {
  return messageEpoch > ownEpoch ? "newer" : "current";
}
