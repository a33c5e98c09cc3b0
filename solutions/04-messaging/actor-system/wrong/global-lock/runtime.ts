/**
 * Wrong design: one message at a time for the whole system, not per actor. While any async handler
 * is in flight the dispatcher starts nothing, so one actor awaiting a slow database call holds up
 * every other actor's mailbox: correct, and no more concurrent than a single queue.
 */
import type { ActorCell, Envelope } from "../../src/actor-cell";
import { Runtime as ReferenceRuntime } from "../../src/runtime";

export class Runtime extends ReferenceRuntime {
  override drain(): number {
    if (this.inFlight > 0) return 0;
    return super.drain();
  }

  override handlerSettled(
    cell: ActorCell,
    envelope: Envelope,
    incarnation: number,
    failed: boolean,
    error: unknown,
  ): void {
    super.handlerSettled(cell, envelope, incarnation, failed, error);
    queueMicrotask(() => this.drain());
  }
}
