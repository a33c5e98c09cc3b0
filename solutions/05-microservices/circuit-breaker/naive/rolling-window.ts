/**
 * Correct but slow: the sliding log everybody writes first. Every outcome is an object in an
 * array, expired ones are spliced off the front, and the failures are counted by walking the
 * whole log each time they are asked for: O(outcomes in the window) per call. At 1,000 calls a
 * second and a 10 s window that is 10,000 entries read on every call through the breaker.
 */
interface Entry {
  at: number;
  failure: boolean;
}

export class RollingWindow {
  private readonly log: Entry[] = [];

  constructor(private readonly windowMs: number) {}

  record(at: number, failure: boolean): void {
    this.expire(at);
    this.log.push({ at, failure });
  }

  calls(now: number): number {
    this.expire(now);
    return this.log.length;
  }

  failures(now: number): number {
    this.expire(now);
    let count = 0;
    for (const entry of this.log) if (entry.failure) count++;
    return count;
  }

  clear(): void {
    this.log.length = 0;
  }

  private expire(now: number): void {
    let expired = 0;
    while (expired < this.log.length && (this.log[expired] as Entry).at + this.windowMs <= now) expired++;
    if (expired > 0) this.log.splice(0, expired);
  }
}
