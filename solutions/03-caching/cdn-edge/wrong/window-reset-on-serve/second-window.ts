/**
 * Wrong design: the count is brought to the current second only when the edge serves a request;
 * the room check reads the count as the last request left it. An edge that filled up is skipped,
 * so it serves nothing, so its count is never reset: it stays full for good.
 */
import { SecondWindow as ReferenceWindow } from "../../src/second-window";

export class SecondWindow extends ReferenceWindow {
  private countAtLastRequest = 0;

  override hasRoom(): boolean {
    return this.countAtLastRequest < this.limit;
  }

  override record(now: number): void {
    super.record(now);
    this.countAtLastRequest = this.servedIn(now);
  }
}
