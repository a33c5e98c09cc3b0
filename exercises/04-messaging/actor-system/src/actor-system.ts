import { notImplemented } from "#kata";
import { ActorError } from "./errors";
import { realScheduler, type Scheduler } from "./scheduler";
import type { ActorFactory, ActorRef, ActorSystemOptions, DeadLetter, Supervisor, SupervisorOptions } from "./types";
// ActorError is what bad arguments throw and what asks reject with; realScheduler is the default
// scheduler. ./types.ts has the shapes (Actor, ActorRef, ReplyTo, Supervisor...) with their rules.

export type {
  Actor,
  ActorContext,
  ActorFactory,
  ActorRef,
  ActorSystemOptions,
  DeadLetter,
  ReplyTo,
  RestartStrategy,
  Supervisor,
  SupervisorOptions,
} from "./types";

/**
 * An in-process actor system. Actors share nothing: each keeps its own state and is reached only
 * by messages, through an ActorRef, and handles them one at a time in the order they arrived.
 *
 * Delivery: tell() only queues. Messages run in microtasks the system schedules itself, or at once
 * when you call drain(); settle() waits until nothing is left to run. Time (ask timeouts, restart
 * windows) comes from the scheduler in the options, so tests use a ManualScheduler and never wait.
 *
 * Supervision: actors spawned here are supervised by the system itself, which restarts an actor
 * after every failure without limit (one-for-one). supervisor() makes a supervisor with a strategy
 * and a restart limit for the actors it spawns.
 */
export class ActorSystem {
  /**
   * @throws ActorError INVALID_SCHEDULER when options.scheduler lacks now() or setTimer().
   */
  constructor(options: ActorSystemOptions = {}) {
    const scheduler: Scheduler = options.scheduler === undefined ? realScheduler : options.scheduler;
    notImplemented(`new ActorSystem(${options.scheduler === undefined ? "" : "{ scheduler }"})`);
  }

  /**
   * Starts an actor supervised by the system: `factory` is called now, and again at every restart.
   * @throws ActorError INVALID_NAME for a name that is not a non-empty string; DUPLICATE_NAME when a
   *   live actor or supervisor has it; INVALID_FACTORY when factory is not a function or returns no
   *   receive method. An error thrown by the factory itself is thrown as it is. Nothing is started.
   */
  spawn<M>(name: string, factory: ActorFactory<M>): ActorRef<M> {
    return notImplemented(`ActorSystem.spawn(${JSON.stringify(name)})`);
  }

  /**
   * A supervisor for the actors it spawns, with its restart strategy and limit (see SupervisorOptions).
   * @throws ActorError INVALID_NAME, DUPLICATE_NAME (one namespace with actors); INVALID_SUPERVISOR_OPTIONS
   *   for an unknown strategy, a maxRestarts that is not an integer >= 0, or a withinMs that is not
   *   positive and finite.
   */
  supervisor(name: string, options: SupervisorOptions): Supervisor {
    return notImplemented(`ActorSystem.supervisor(${JSON.stringify(name)})`);
  }

  /**
   * Tells `message` to every actor of the group, each once (a ref listed twice still gets it
   * once). A stopped member's copy goes to dead letters; the others get theirs all the same.
   * Returns how many live actors it was queued for.
   * @throws ActorError INVALID_GROUP when refs is not iterable or holds something that is not a
   *   ref; then nothing is sent.
   */
  broadcast<M>(refs: Iterable<ActorRef<M>>, message: M): number {
    return notImplemented("ActorSystem.broadcast");
  }

  /** Every message that reached no one, oldest first (see DeadLetter). */
  get deadLetters(): readonly DeadLetter[] {
    return notImplemented("ActorSystem.deadLetters");
  }

  /**
   * Runs, before returning, every message that can start now: for each actor with mail that is not
   * in the middle of an async handler, its messages in order, in turns of at most 32 messages per
   * actor while others wait. A handler that returns a promise
   * keeps its actor busy, and that actor's next message waits for the promise; the others go on.
   * Returns how many receive calls it made. The bench measures this loop.
   */
  drain(): number {
    return notImplemented("ActorSystem.drain");
  }

  /**
   * Resolves once nothing is left to run: no actor with mail it is free to handle, and no async
   * handler unsettled. Timers do not count: an ask waiting for its timeout does not hold it up, but
   * a handler awaiting something that only the clock will settle does.
   */
  settle(): Promise<void> {
    return notImplemented("ActorSystem.settle");
  }
}
