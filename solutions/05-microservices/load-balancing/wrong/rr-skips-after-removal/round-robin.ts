import type { Backend, Strategy } from "../../src/backend";

/** Wrong: the cursor ignores removals, so when the list shifts under it the next backend is skipped. */
export class RoundRobin implements Strategy {
  private cursor = 0;

  choose(backends: readonly Backend[]): Backend | undefined {
    const n = backends.length;
    for (let step = 0; step < n; step++) {
      const index = (this.cursor + step) % n;
      const backend = backends[index] as Backend;
      if (backend.healthy) {
        this.cursor = index + 1;
        return backend;
      }
    }
    return undefined;
  }
}
