/**
 * An edge's capacity: requests served in the current second of the clock, in fixed windows
 * [k x 1000, (k + 1) x 1000) ms. A new second starts from 0 whether or not the edge served
 * anything since, so an edge that was full, and skipped for it, has room again at the next second.
 */
export class SecondWindow {
  private second = Number.NEGATIVE_INFINITY;
  private served = 0;

  constructor(readonly limit: number) {}

  /** Requests served so far in the second that contains `now`. */
  servedIn(now: number): number {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.served = 0;
    }
    return this.served;
  }

  /** Room for one more request: an edge that has served exactly its limit this second is full. */
  hasRoom(now: number): boolean {
    return this.servedIn(now) < this.limit;
  }

  /** Counts a request the edge serves; only serving counts, not being considered by routing. */
  record(now: number): void {
    this.served = this.servedIn(now) + 1;
  }
}
