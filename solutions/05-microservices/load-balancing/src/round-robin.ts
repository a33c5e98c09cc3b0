import type { Backend, Strategy } from "./backend";

/**
 * Each healthy backend in turn. The cursor is the list index to try next; a removal before it
 * moves it back one, so the rotation neither skips the backend after the removed one nor repeats
 * one.
 */
export class RoundRobin implements Strategy {
  private cursor = 0;

  removed(_backend: Backend, index: number): void {
    if (index < this.cursor) this.cursor -= 1;
  }

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
