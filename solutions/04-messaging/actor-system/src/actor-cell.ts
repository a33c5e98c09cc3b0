/**
 * What the system keeps for one actor: its mailbox, its current instance (state), and where it is
 * in its life. The ref (./actor-ref.ts) is the outside's handle on it; it outlives restarts.
 */
import type { PendingAsk } from "./ask";
import { ActorError } from "./errors";
import { LocalRef } from "./actor-ref";
import { Mailbox } from "./mailbox";
import type { Runtime } from "./runtime";
import type { SupervisorImpl } from "./supervision";
import type { Actor, ActorContext, ActorFactory, ActorRef } from "./types";

/** A message in a mailbox, and the ask waiting for its answer if it came by ask(). */
export interface Envelope {
  readonly message: unknown;
  readonly ask: PendingAsk<unknown> | undefined;
}

/** Calls the factory and checks that it made an actor. */
export function makeActor<M>(factory: ActorFactory<M>, name: string): Actor<M> {
  const actor: unknown = factory();
  if (typeof (actor as Partial<Actor<M>> | null)?.receive !== "function") {
    throw new ActorError(
      "INVALID_FACTORY",
      `the factory of ${JSON.stringify(name)} returned ${actor === null ? "null" : typeof actor}, not an actor: return an object with a receive(message, context) method`,
    );
  }
  return actor as Actor<M>;
}

export class ActorCell<M = unknown> {
  readonly mailbox = new Mailbox<Envelope>();
  readonly ref: ActorRef<M>;
  readonly context: ActorContext<M>;
  instance: Actor<M>;
  /** Bumped at every restart: a handler of an earlier incarnation that fails later is not this actor's failure. */
  incarnation = 0;
  /** Handling a message: a receive call on the stack, or an async one not yet settled. */
  busy = false;
  /** In the system's run queue. */
  queued = false;
  stopped = false;

  constructor(
    readonly name: string,
    readonly factory: ActorFactory<M>,
    readonly supervisor: SupervisorImpl,
    readonly runtime: Runtime,
  ) {
    this.instance = makeActor(factory, name);
    this.ref = new LocalRef(this, runtime);
    this.context = { self: this.ref };
  }

  /**
   * A fresh instance from the factory, for the same mailbox: the messages queued behind the one
   * that failed are kept and handled by the new instance. If the factory fails now, the actor
   * cannot be restarted and stops.
   */
  restart(): void {
    this.incarnation++;
    try {
      this.instance = makeActor(this.factory, this.name);
    } catch {
      this.runtime.stop(this as ActorCell);
    }
  }
}
