import type { Backend } from "./backend";

/**
 * The healthy backends in an array with O(1) add and remove (swap with the last), so a random
 * draw among them is O(1) however many backends there are.
 */
export class HealthySet {
  readonly items: Backend[] = [];
  private readonly position = new Map<Backend, number>();

  sync(backend: Backend, present: boolean): void {
    const at = this.position.get(backend);
    if (present && at === undefined) {
      this.position.set(backend, this.items.length);
      this.items.push(backend);
    } else if (!present && at !== undefined) {
      const last = this.items.pop() as Backend;
      if (last !== backend) {
        this.items[at] = last;
        this.position.set(last, at);
      }
      this.position.delete(backend);
    }
  }
}
