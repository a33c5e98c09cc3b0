/**
 * The shapes an actor system is built from. Given code: the stub and the tests use these types,
 * and ActorSystem (./actor-system.ts) is what you write.
 */
import type { Scheduler } from "./scheduler";

/**
 * An actor: private state, and a receive method the system calls with one message at a time.
 * receive may be async. If it returns a promise, the actor is busy until that promise settles, and
 * its next message waits: two messages of one actor never run at the same time.
 * A receive that throws, or whose promise rejects, has failed: the actor's supervisor decides.
 */
export interface Actor<M> {
  receive(message: M, context: ActorContext<M>): void | Promise<void>;
}

/**
 * Makes an actor with fresh state. Called once at spawn and again at every restart, so a restarted
 * actor starts from a clean state instead of the one that just failed.
 */
export type ActorFactory<M> = () => Actor<M>;

/** What a receive call knows besides its message. */
export interface ActorContext<M> {
  /** The actor's own ref: to tell itself something later, or to hand to others. */
  readonly self: ActorRef<M>;
}

/** Where the answer to one ask goes. Each ask has its own; it can be kept and answered later. */
export interface ReplyTo<R> {
  /**
   * Answers the ask. Only the first answer counts, and only while the ask waits: an answer after
   * the ask timed out (or was answered, or failed) is dropped and recorded as a dead letter.
   */
  reply(value: R): void;
}

/**
 * The only way to reach an actor. A ref names one actor for its whole life, restarts included; it
 * never reaches another actor, not even a later one spawned under the same name.
 */
export interface ActorRef<M> {
  readonly name: string;
  /** True once the actor has stopped (stop(), or its supervisor gave up). */
  readonly isStopped: boolean;
  /**
   * Fire and forget: queues the message in the actor's mailbox and returns at once, never running
   * a handler itself. To a stopped actor the message goes to dead letters.
   */
  tell(message: M): void;
  /**
   * Request-reply: builds the message around a fresh ReplyTo, tells it, and resolves with the
   * first reply. Rejects with ActorError ASK_TIMEOUT exactly `timeoutMs` after the call (on the
   * system's scheduler) if no reply came; ACTOR_STOPPED at once if the actor is stopped, or when it
   * stops with the message still queued; ACTOR_FAILED at once if handling the message throws.
   * @throws ActorError INVALID_TIMEOUT unless timeoutMs is a positive, finite number.
   */
  ask<R>(makeMessage: (replyTo: ReplyTo<R>) => M, timeoutMs: number): Promise<R>;
  /**
   * Stops the actor: the messages still in its mailbox go to dead letters (asks among them reject
   * with ACTOR_STOPPED), and so does every later tell. A handler already running finishes; nothing
   * runs after it. Stopping a stopped actor does nothing.
   */
  stop(): void;
}

/** one-for-one restarts only the child that failed; all-for-one restarts every child. */
export type RestartStrategy = "one-for-one" | "all-for-one";

export interface SupervisorOptions {
  strategy: RestartStrategy;
  /**
   * Restarts allowed within any `withinMs`: an integer >= 0. A failure that would need one more
   * makes the supervisor give up: it stops, and stops every child.
   */
  maxRestarts: number;
  /** The sliding window of the restart limit, in ms: positive and finite. */
  withinMs: number;
}

/** Owns child actors and restarts them when they fail, within a limit. */
export interface Supervisor {
  readonly name: string;
  readonly strategy: RestartStrategy;
  /** True once it gave up (too many restarts) or stop() was called. */
  readonly isStopped: boolean;
  /**
   * Starts a child (calling `factory` once). Names are unique among the live actors and
   * supervisors of the whole system.
   * @throws ActorError INVALID_NAME, DUPLICATE_NAME, INVALID_FACTORY; SUPERVISOR_STOPPED once stopped.
   */
  spawn<M>(name: string, factory: ActorFactory<M>): ActorRef<M>;
  /** The names of its live children, in the order they were spawned. */
  children(): string[];
  /** Stops every child, then itself. Stopping a stopped supervisor does nothing. */
  stop(): void;
}

/** A message that reached no one. */
export interface DeadLetter {
  /** The actor the message was for (for a reply: the actor that was asked). */
  to: string;
  /** The message, or for "ask-closed" the reply value that came too late. */
  message: unknown;
  /**
   * actor-stopped: told to, or left in the mailbox of, a stopped actor. ask-closed: a reply to an
   * ask that no longer waits (it timed out, failed, or was answered already).
   */
  reason: "actor-stopped" | "ask-closed";
}

export interface ActorSystemOptions {
  /** What ask timeouts and restart windows read; realScheduler when omitted. */
  scheduler?: Scheduler;
}
