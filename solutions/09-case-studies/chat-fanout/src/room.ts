import { History } from "./history";
import type { Connection } from "./connection";

/** One room: its members by name, in join order, and what was said in it. */
export class Room {
  readonly members = new Map<string, Connection>();
  readonly history: History;
  /** The seq of the last message said here; 0 before the first. */
  lastSeq = 0;

  constructor(
    readonly name: string,
    historySize: number,
  ) {
    this.history = new History(historySize);
  }
}
