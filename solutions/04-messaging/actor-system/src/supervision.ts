/**
 * A supervisor: owns children, and when one fails restarts it (one-for-one) or all of them
 * (all-for-one), as long as the restart limit allows. Past the limit it gives up: it stops every
 * child and itself, Erlang/OTP's answer to a fault that restarts do not cure.
 */
import { ActorCell } from "./actor-cell";
import { ActorError } from "./errors";
import type { RestartWindow } from "./restart-window";
import type { Runtime } from "./runtime";
import type { ActorFactory, ActorRef, RestartStrategy, Supervisor } from "./types";

export class SupervisorImpl implements Supervisor {
  private readonly cells = new Set<ActorCell>();
  private stopped = false;

  /** `window` undefined: no limit (the system's root, which supervises the actors spawned directly). */
  constructor(
    readonly name: string,
    readonly strategy: RestartStrategy,
    protected readonly window: RestartWindow | undefined,
    protected readonly runtime: Runtime,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  spawn<M>(name: string, factory: ActorFactory<M>): ActorRef<M> {
    if (this.stopped) {
      throw new ActorError(
        "SUPERVISOR_STOPPED",
        `supervisor ${JSON.stringify(this.name)} has stopped and cannot spawn ${JSON.stringify(name)}: create a new supervisor`,
      );
    }
    this.runtime.checkName(name, "actor");
    if (typeof factory !== "function") {
      throw new ActorError(
        "INVALID_FACTORY",
        `spawn(${JSON.stringify(name)}) needs a factory, a function that returns a new actor, got ${typeof factory}`,
      );
    }
    const cell = new ActorCell<M>(name, factory, this, this.runtime);
    this.runtime.claimName(name, cell);
    this.cells.add(cell as ActorCell);
    return cell.ref;
  }

  children(): string[] {
    return [...this.cells].map((cell) => cell.name);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const cell of [...this.cells]) this.runtime.stop(cell);
    this.runtime.releaseName(this.name);
  }

  /** A stopped child leaves. */
  forget(cell: ActorCell): void {
    this.cells.delete(cell);
  }

  /** A child's handler failed (the child is live and the failure is its current instance's). */
  childFailed(cell: ActorCell): void {
    if (this.window !== undefined && !this.window.allow(this.runtime.scheduler.now())) {
      this.stop();
      return;
    }
    const restarted = this.strategy === "one-for-one" ? [cell] : [...this.cells];
    for (const child of restarted) child.restart();
  }
}
