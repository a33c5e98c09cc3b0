/**
 * Wrong design: failures are caught only as promise rejections (`Promise.resolve(result).catch(...)`
 * after the call), so a receive that throws synchronously throws out of the dispatcher itself. The
 * drain loop stops there: actors queued behind the failing one are not run, and drain() (or the
 * microtask that runs it) throws the actor's error.
 */
import type { ActorCell, Envelope } from "../../src/actor-cell";
import type { DispatchHost } from "../../src/dispatcher";

export { TURN, type DispatchHost } from "../../src/dispatcher";

function handle(cell: ActorCell, envelope: Envelope, host: DispatchHost): void {
  const incarnation = cell.incarnation;
  const outcome = cell.instance.receive(envelope.message, cell.context);
  if (outcome instanceof Promise) {
    cell.busy = true;
    host.handlerStarted();
    outcome.then(
      () => host.handlerSettled(cell, envelope, incarnation, false, undefined),
      (error: unknown) => host.handlerSettled(cell, envelope, incarnation, true, error),
    );
  }
}

export function runMailbox(cell: ActorCell, host: DispatchHost): number {
  let handled = 0;
  while (!cell.busy && !cell.stopped) {
    const envelope = cell.mailbox.shift();
    if (envelope === undefined) break;
    handled++;
    handle(cell, envelope, host);
  }
  return handled;
}
