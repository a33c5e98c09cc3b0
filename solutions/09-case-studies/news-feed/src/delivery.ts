/**
 * How a post reaches followers, decided once when it is published: an author with at least
 * `pullThreshold` followers is pulled at read time; anyone else's post is pushed to every follower.
 */
export function deliveryFor(followers: number, pullThreshold: number): "push" | "pull" {
  return followers >= pullThreshold ? "pull" : "push";
}
