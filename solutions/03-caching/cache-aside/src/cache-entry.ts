/**
 * What a settled load leaves in the cache, and when it stops being served. Three kinds, because a
 * production cache remembers more than values: "there is no such item" (negative caching) and
 * "the database failed" (error caching), each for its own TTL.
 */

export type Cached<V> =
  | { kind: "value"; value: V; expiresAt: number }
  | { kind: "absent"; expiresAt: number }
  | { kind: "error"; error: unknown; expiresAt: number };

/**
 * An entry is served strictly before its expiry instant. Stored at t with a TTL of d, it answers
 * until t + d - 1 ms and is stale at t + d itself: the same rule for values, "not found" and
 * errors, and the same as the ttl-cache exercise's.
 */
export function isFresh(entry: Cached<unknown>, now: number): boolean {
  return now < entry.expiresAt;
}

/** The answer a cached entry gives a reader: its value, undefined for "not found", or its error again. */
export function replay<V>(entry: Cached<V>): Promise<V | undefined> {
  switch (entry.kind) {
    case "value":
      return Promise.resolve(entry.value);
    case "absent":
      return Promise.resolve(undefined);
    case "error":
      return Promise.reject(entry.error);
  }
}
