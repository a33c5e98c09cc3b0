/** Wrong: only an author with more than pullThreshold followers is pulled. */
export function deliveryFor(followers: number, pullThreshold: number): "push" | "pull" {
  return followers > pullThreshold ? "pull" : "push";
}
