/**
 * Wrong design: an edge that has served exactly its limit this second still counts as having
 * room (`served <= limit`), so it takes one request more than maxRequestsPerSecond every second.
 */
import { SecondWindow as ReferenceWindow } from "../../src/second-window";

export class SecondWindow extends ReferenceWindow {
  override hasRoom(now: number): boolean {
    return this.servedIn(now) <= this.limit;
  }
}
