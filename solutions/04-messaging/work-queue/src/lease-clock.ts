/**
 * The one rule for when a lease is over, used for every decision that depends on it: a message
 * becomes visible to other consumers again, and its delivery can no longer settle it, at the same
 * instant. A lease taken at t with a visibility timeout of v holds during [t, t + v): at t + v
 * itself it has ended.
 */
export function leaseEnded(leaseEndsAt: number, now: number): boolean {
  return now >= leaseEndsAt;
}
