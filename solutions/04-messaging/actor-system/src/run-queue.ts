/**
 * The actors that have mail and are free to handle it, in the order they became so. The system
 * pushes an actor when its first message arrives (or its async handler settles with more mail
 * waiting) and takes the oldest to run: O(1) per message however many actors there are, idle ones
 * cost nothing.
 */
import { Mailbox } from "./mailbox";

export interface Runnable {
  /** Set by the system while the actor is in this queue, so it is never in it twice. */
  queued: boolean;
  stopped: boolean;
}

export class RunQueue<C extends Runnable> {
  private readonly fifo = new Mailbox<C>();

  push(cell: C): void {
    this.fifo.push(cell);
  }

  /** The actor that has waited longest; undefined when none has work. */
  shift(): C | undefined {
    return this.fifo.shift();
  }
}
