/**
 * Wrong design: a ref is a name, looked up in a registry at every tell. After an actor stops and a
 * new one is spawned under the same name, every stale ref to the old actor reaches the new one: a
 * message meant for a closed session lands in the next session of that name.
 */
import type { ActorCell } from "../../src/actor-cell";
import { LocalRef as ReferenceLocalRef } from "../../src/actor-ref";
import type { Runtime } from "../../src/runtime";

const registry = new WeakMap<Runtime, Map<string, ActorCell>>();

export class LocalRef<M> extends ReferenceLocalRef<M> {
  constructor(cell: ActorCell<M>, runtime: Runtime) {
    super(cell, runtime);
    const byName = registry.get(runtime) ?? new Map<string, ActorCell>();
    registry.set(runtime, byName);
    byName.set(cell.name, cell as ActorCell);
  }

  override tell(message: M): void {
    const current = registry.get(this.runtime)?.get(this.name) ?? (this.cell as ActorCell);
    this.runtime.deliver(current, { message, ask: undefined });
  }
}
