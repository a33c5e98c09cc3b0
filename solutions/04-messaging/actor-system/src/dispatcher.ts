/**
 * Runs an actor's messages, one at a time. A receive that returns a promise leaves the actor busy,
 * and its next message waits until that promise settles; a receive that throws, or whose promise
 * rejects, is handed to the host (the system), which asks the actor's supervisor what to do. A
 * failure never escapes: other actors' messages go on.
 */
import type { ActorCell, Envelope } from "./actor-cell";

/** How many messages one actor handles before the actors queued behind it get their turn. */
export const TURN = 32;

export interface DispatchHost {
  /** A receive returned a promise: the actor stays busy until handlerSettled. */
  handlerStarted(): void;
  handlerSettled(cell: ActorCell, envelope: Envelope, incarnation: number, failed: boolean, error: unknown): void;
  handlerFailed(cell: ActorCell, envelope: Envelope, incarnation: number, error: unknown): void;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null | undefined)?.then === "function";
}

function handle(cell: ActorCell, envelope: Envelope, host: DispatchHost): void {
  const incarnation = cell.incarnation;
  let outcome: unknown;
  try {
    outcome = cell.instance.receive(envelope.message, cell.context);
  } catch (error) {
    host.handlerFailed(cell, envelope, incarnation, error);
    return;
  }
  if (!isThenable(outcome)) return;
  cell.busy = true;
  host.handlerStarted();
  outcome.then(
    () => host.handlerSettled(cell, envelope, incarnation, false, undefined),
    (error: unknown) => host.handlerSettled(cell, envelope, incarnation, true, error),
  );
}

/** Handles the actor's messages until its mailbox is empty, it is busy or stopped, or its turn is over. */
export function runMailbox(cell: ActorCell, host: DispatchHost): number {
  let handled = 0;
  while (handled < TURN && !cell.busy && !cell.stopped) {
    const envelope = cell.mailbox.shift();
    if (envelope === undefined) break;
    handled++;
    handle(cell, envelope, host);
  }
  return handled;
}
