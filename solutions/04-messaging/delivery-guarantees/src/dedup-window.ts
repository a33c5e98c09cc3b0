import type { StableStorage } from "#kata/sim";
import type { Deliver } from "./messages";

const STORED_AS = "dedupWindow";

/**
 * The keys a consumer has taken or applied recently, on stable storage: a consumer that restarts
 * must still recognise a redelivery of what it applied before the crash.
 *
 * Measured in time: a key recorded at t is remembered while now < t + windowMs. A window counted
 * in keys would forget sooner under a burst, exactly when redeliveries pile up. Keys are kept in
 * the order they were recorded, which virtual time makes the order of their expiry, so forgetting
 * stops at the first key still inside the window. The whole list is written on each change: O(keys
 * in the window) per message, which a real store would replace with a keyed table and a TTL.
 */
export class DedupWindow {
  private readonly recordedAt: Map<string, number>;

  constructor(
    private readonly storage: StableStorage,
    protected readonly windowMs: number,
  ) {
    this.recordedAt = new Map(storage.get<[string, number][]>(STORED_AS) ?? []);
  }

  /** True while the message's key is inside the window. */
  has(delivery: Deliver, now: number): boolean {
    const at = this.recordedAt.get(delivery.key);
    return at !== undefined && this.inWindow(at, now);
  }

  /** Records the message's key at `now`, forgets what has expired, and writes the window to storage. */
  remember(delivery: Deliver, now: number): void {
    this.forgetExpired(now);
    this.recordedAt.delete(delivery.key);
    this.recordedAt.set(delivery.key, now);
    this.storage.set(STORED_AS, [...this.recordedAt]);
  }

  /** Keys inside the window at `now`. */
  size(now: number): number {
    let inside = 0;
    for (const at of this.recordedAt.values()) if (this.inWindow(at, now)) inside += 1;
    return inside;
  }

  /** The window's one rule: remembered while now < recordedAt + windowMs, forgotten at that instant. */
  protected inWindow(recordedAt: number, now: number): boolean {
    return now < recordedAt + this.windowMs;
  }

  private forgetExpired(now: number): void {
    for (const [key, at] of this.recordedAt) {
      if (this.inWindow(at, now)) return;
      this.recordedAt.delete(key);
    }
  }
}
