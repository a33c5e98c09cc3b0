/**
 * The outcomes of the last `windowMs`, exact: an outcome recorded at t counts while now < t + windowMs.
 *
 * A ring buffer of (time, failed) in the order recorded, which is time order, so expired outcomes
 * are always at the head: record and expire are amortised O(1), and the counts are kept, not
 * recounted. It grows by doubling when full; memory is one slot per outcome in the window.
 */
export class RollingWindow {
  private times = new Float64Array(16);
  private failed = new Uint8Array(16);
  private mask = 15;
  private head = 0;
  private size = 0;
  private failureCount = 0;

  constructor(private readonly windowMs: number) {}

  record(at: number, failure: boolean): void {
    this.expire(at);
    if (this.size === this.times.length) this.grow();
    const slot = (this.head + this.size) & this.mask;
    this.times[slot] = at;
    this.failed[slot] = failure ? 1 : 0;
    this.size++;
    if (failure) this.failureCount++;
  }

  /** Outcomes in the window at `now`. */
  calls(now: number): number {
    this.expire(now);
    return this.size;
  }

  /** Failures in the window at `now`. */
  failures(now: number): number {
    this.expire(now);
    return this.failureCount;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
    this.failureCount = 0;
  }

  private expire(now: number): void {
    const { times, failed, mask, windowMs } = this;
    while (this.size > 0 && (times[this.head] as number) + windowMs <= now) {
      if (failed[this.head] === 1) this.failureCount--;
      this.head = (this.head + 1) & mask;
      this.size--;
    }
  }

  /** Called when full: the head's run to the end of the buffer, then the wrapped part, into one twice as long. */
  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const failed = new Uint8Array(capacity);
    const run = this.times.length - this.head;
    times.set(this.times.subarray(this.head));
    times.set(this.times.subarray(0, this.head), run);
    failed.set(this.failed.subarray(this.head));
    failed.set(this.failed.subarray(0, this.head), run);
    this.times = times;
    this.failed = failed;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
