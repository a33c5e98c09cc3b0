/**
 * Wrong design: a restart only resumes the mailbox; the instance that failed stays, with the state
 * it had when it threw (a half-applied update, a broken invariant). "Let it crash" works because
 * the restarted actor starts from a known clean state: the factory must be called again.
 */
import { ActorCell as ReferenceActorCell } from "../../src/actor-cell";

export { makeActor, type Envelope } from "../../src/actor-cell";

export class ActorCell<M = unknown> extends ReferenceActorCell<M> {
  override restart(): void {
    this.incarnation++;
  }
}
