/**
 * Wrong design: the room check takes the slot (`if (edge.served++ < edge.limit)`), so capacity is
 * used up each time routing looks at an edge, not when the edge serves. Edges that routing
 * considers on the way to a nearer one lose capacity for requests they never served.
 */
import { SecondWindow as ReferenceWindow } from "../../src/second-window";

export class SecondWindow extends ReferenceWindow {
  override hasRoom(now: number): boolean {
    const room = super.hasRoom(now);
    if (room) super.record(now);
    return room;
  }

  override record(): void {
    // Already counted when routing looked at the edge.
  }
}
