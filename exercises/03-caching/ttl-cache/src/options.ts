/** The TTL cache's options (given code). */
export interface TtlCacheOptions {
  /** The TTL of entries set without one, in ms: a positive, finite number. */
  defaultTtlMs: number;
  /**
   * At most this many entries. When full, setting a new key first drops expired entries, then the
   * entry that expires soonest. A positive integer; no bound when omitted.
   */
  maxSize?: number;
  /** Milliseconds now; Date.now when omitted. Tests inject a clock they move by hand. */
  clock?: () => number;
}
