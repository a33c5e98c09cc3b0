/**
 * Wrong design: a restart replaces the actor mailbox and all, as a new process would; the messages
 * queued behind the one that failed are lost without a trace (not even as dead letters). One bad
 * message then costs every message that happened to be waiting behind it.
 */
import { ActorCell as ReferenceActorCell } from "../../src/actor-cell";

export { makeActor, type Envelope } from "../../src/actor-cell";

export class ActorCell<M = unknown> extends ReferenceActorCell<M> {
  override restart(): void {
    super.restart();
    while (this.mailbox.shift() !== undefined);
  }
}
