/**
 * Wrong design: the dispatcher calls receive for each message without waiting for the promise the
 * previous one returned, as `for (const m of mailbox) actor.receive(m)` does. Sync handlers look
 * fine; an async handler that awaits between steps interleaves with the next message's handler,
 * and two messages of one actor run at once, over the same state.
 */
import type { ActorCell, Envelope } from "../../src/actor-cell";
import type { DispatchHost } from "../../src/dispatcher";

export { TURN, type DispatchHost } from "../../src/dispatcher";

function handle(cell: ActorCell, envelope: Envelope, host: DispatchHost): void {
  const incarnation = cell.incarnation;
  let outcome: unknown;
  try {
    outcome = cell.instance.receive(envelope.message, cell.context);
  } catch (error) {
    host.handlerFailed(cell, envelope, incarnation, error);
    return;
  }
  if (outcome instanceof Promise) {
    outcome.catch((error: unknown) => host.handlerFailed(cell, envelope, incarnation, error));
  }
}

export function runMailbox(cell: ActorCell, host: DispatchHost): number {
  let handled = 0;
  while (!cell.stopped) {
    const envelope = cell.mailbox.shift();
    if (envelope === undefined) break;
    handled++;
    handle(cell, envelope, host);
  }
  return handled;
}
