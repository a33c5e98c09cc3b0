/**
 * Wrong design: the second is measured from the edge's first request in it (`now - start >= 1000`
 * starts a new window) instead of the clock's fixed windows [k x 1000, (k + 1) x 1000). An edge
 * that filled up at 5,500 ms stays full until 6,500 ms, though a new second began at 6,000.
 */
import { SecondWindow as ReferenceWindow } from "../../src/second-window";

export class SecondWindow extends ReferenceWindow {
  private start = Number.NEGATIVE_INFINITY;
  private count = 0;

  override servedIn(now: number): number {
    if (now - this.start >= 1000) {
      this.start = now;
      this.count = 0;
    }
    return this.count;
  }

  override record(now: number): void {
    this.count = this.servedIn(now) + 1;
  }
}
