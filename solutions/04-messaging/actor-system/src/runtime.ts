/**
 * The system's machinery: delivery, the run queue and the drain loop, names, dead letters, and
 * what happens when a handler settles or fails. ActorSystem (./actor-system.ts) is its public face.
 */
import type { ActorCell, Envelope } from "./actor-cell";
import { runMailbox, type DispatchHost } from "./dispatcher";
import { ActorError } from "./errors";
import { RunQueue } from "./run-queue";
import type { Scheduler } from "./scheduler";
import { shown } from "./shown";
import type { DeadLetter } from "./types";

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : shown(error);
}

export class Runtime implements DispatchHost {
  readonly deadLetters: DeadLetter[] = [];
  private readonly runQueue = new RunQueue<ActorCell>();
  private readonly names = new Map<string, object>();
  /** Actors in the run queue. */
  private queued = 0;
  /** Async handlers not yet settled. */
  protected inFlight = 0;
  private drainScheduled = false;
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  constructor(readonly scheduler: Scheduler) {}

  /** Throws unless `name` is a valid name that no live actor or supervisor has. */
  checkName(name: unknown, kind: string): asserts name is string {
    if (typeof name !== "string" || name === "") {
      throw new ActorError("INVALID_NAME", `${kind} names are non-empty strings, got ${shown(name)}`);
    }
    if (this.names.has(name)) {
      throw new ActorError(
        "DUPLICATE_NAME",
        `${JSON.stringify(name)} is already the name of a live actor or supervisor: pick another, or stop that one first`,
      );
    }
  }

  /** Takes a name checked by checkName. */
  claimName(name: string, owner: object): void {
    this.names.set(name, owner);
  }

  releaseName(name: string): void {
    this.names.delete(name);
  }

  deadLetter(letter: DeadLetter): void {
    this.deadLetters.push(letter);
  }

  deliver(cell: ActorCell, envelope: Envelope): void {
    if (cell.stopped) {
      this.undeliverable(cell, envelope);
      return;
    }
    cell.mailbox.push(envelope);
    this.wake(cell);
  }

  /** Queues the actor to run if it has mail and is free to handle it. */
  private wake(cell: ActorCell): void {
    if (cell.queued || cell.busy || cell.stopped || cell.mailbox.size === 0) return;
    cell.queued = true;
    this.queued++;
    this.runQueue.push(cell);
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    queueMicrotask(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  /** Runs every message that can start now; returns how many receive calls it made. */
  drain(): number {
    if (this.draining) return 0; // called from inside a handler: the loop it is in goes on after it returns
    this.draining = true;
    let handled = 0;
    try {
      for (let cell = this.runQueue.shift(); cell !== undefined; cell = this.runQueue.shift()) {
        cell.queued = false;
        this.queued--;
        handled += runMailbox(cell, this);
        this.wake(cell); // its turn is over and it has more mail: back of the queue
      }
    } finally {
      this.draining = false;
    }
    this.notifyIfIdle();
    return handled;
  }

  settle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.queued === 0 && this.inFlight === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  handlerStarted(): void {
    this.inFlight++;
  }

  handlerSettled(cell: ActorCell, envelope: Envelope, incarnation: number, failed: boolean, error: unknown): void {
    cell.busy = false;
    this.inFlight--;
    if (failed) this.handlerFailed(cell, envelope, incarnation, error);
    this.wake(cell);
    this.notifyIfIdle();
  }

  handlerFailed(cell: ActorCell, envelope: Envelope, incarnation: number, error: unknown): void {
    envelope.ask?.fail(
      new ActorError(
        "ACTOR_FAILED",
        `${JSON.stringify(cell.name)} threw while handling the message of this ask: ${errorText(error)}`,
        { cause: error },
      ),
    );
    // A stopped actor, or an instance a restart already replaced, is no longer there to supervise.
    if (cell.stopped || incarnation !== cell.incarnation) return;
    cell.supervisor.childFailed(cell);
  }

  /** A message that will never be handled: a dead letter, and its ask (if any) rejected at once. */
  private undeliverable(cell: ActorCell, envelope: Envelope): void {
    this.deadLetter({ to: cell.name, message: envelope.message, reason: "actor-stopped" });
    envelope.ask?.fail(
      new ActorError(
        "ACTOR_STOPPED",
        `${JSON.stringify(cell.name)} is stopped, so the ask's message went to dead letters: no reply will come`,
      ),
    );
  }

  stop(cell: ActorCell): void {
    if (cell.stopped) return;
    cell.stopped = true;
    this.releaseName(cell.name);
    cell.supervisor.forget(cell);
    for (let envelope = cell.mailbox.shift(); envelope !== undefined; envelope = cell.mailbox.shift()) {
      this.undeliverable(cell, envelope);
    }
  }
}
