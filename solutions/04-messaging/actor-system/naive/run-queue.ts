/**
 * The naive dispatcher: correct, and slow where it counts. It replaces only the reference's run
 * queue. Instead of a queue of the actors that have work, it keeps every actor that ever had mail
 * in one list and, each time the system asks for the next actor to run, walks the list (round
 * robin, from where it stopped) for one marked as having work. That is how a first scheduler is
 * often written ("for each actor: if it has mail, run it"), and its cost is a scan of all actors
 * per message: with 10,000 actors of which one has mail, ~10,000 checks to find it, and another
 * full pass to learn that no one else has any. Orleans and Akka hold millions of mostly idle
 * actors per node; a scheduler must cost nothing for the idle ones.
 */
import type { Runnable } from "../src/run-queue";

export type { Runnable } from "../src/run-queue";

export class RunQueue<C extends Runnable> {
  private actors: C[] = [];
  private readonly known = new Set<C>();
  private cursor = 0;

  push(cell: C): void {
    if (this.known.has(cell)) return;
    this.known.add(cell);
    this.actors.push(cell);
  }

  shift(): C | undefined {
    const count = this.actors.length;
    for (let i = 0; i < count; i++) {
      const index = (this.cursor + i) % count;
      const cell = this.actors[index] as C;
      if (cell.queued) {
        this.cursor = index + 1;
        return cell;
      }
    }
    this.forgetStopped();
    return undefined;
  }

  /** Stopped actors leave the list once nothing else is to be found. */
  private forgetStopped(): void {
    if (!this.actors.some((cell) => cell.stopped)) return;
    this.actors = this.actors.filter((cell) => !cell.stopped);
    this.known.clear();
    for (const cell of this.actors) this.known.add(cell);
    this.cursor = 0;
  }
}
