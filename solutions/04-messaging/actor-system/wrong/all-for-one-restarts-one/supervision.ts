/**
 * Wrong design: the strategy is stored but never read; every failure restarts only the child that
 * failed. Under all-for-one the siblings keep state that was built together with the failed
 * child's (a pipeline's stages, a cache and its index) and now disagrees with its fresh state.
 */
import type { ActorCell } from "../../src/actor-cell";
import { SupervisorImpl as ReferenceSupervisor } from "../../src/supervision";

export class SupervisorImpl extends ReferenceSupervisor {
  override childFailed(cell: ActorCell): void {
    if (this.window !== undefined && !this.window.allow(this.runtime.scheduler.now())) {
      this.stop();
      return;
    }
    cell.restart();
  }
}
