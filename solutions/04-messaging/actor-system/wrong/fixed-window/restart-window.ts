/**
 * Wrong design: restarts are counted in fixed windows of withinMs that start afresh (a counter
 * reset when the window it began has passed), as a fixed-window rate limiter counts requests. A
 * burst that straddles the reset gets up to twice maxRestarts restarts within withinMs.
 */
export class RestartWindow {
  private windowStart = Number.NEGATIVE_INFINITY;
  private count = 0;

  constructor(
    readonly maxRestarts: number,
    readonly withinMs: number,
  ) {}

  allow(now: number): boolean {
    if (now - this.windowStart >= this.withinMs) {
      this.windowStart = now;
      this.count = 0;
    }
    if (this.count >= this.maxRestarts) return false;
    this.count++;
    return true;
  }
}
