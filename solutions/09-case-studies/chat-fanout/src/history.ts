import type { MessageFrame } from "./frames";

/** A room's last `size` messages, oldest first. */
export class History {
  private readonly kept: MessageFrame[] = [];

  constructor(readonly size: number) {}

  push(message: MessageFrame): void {
    this.kept.push(message);
    if (this.kept.length > this.size) this.kept.shift();
  }

  /**
   * What a joiner is sent: the kept messages after seq `after`, all of them without one. An
   * `after` beyond the room's last seq was not handed out by this room as it is now (the server
   * restarted and counts from 1 again), so it cannot say what the client missed: all of them.
   */
  since(after: number | undefined, lastSeq: number): MessageFrame[] {
    if (after === undefined || after > lastSeq) return [...this.kept];
    return this.kept.filter((message) => message.seq > after);
  }
}
