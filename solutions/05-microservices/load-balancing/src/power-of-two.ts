import type { Backend, Strategy } from "./backend";
import { HealthySet } from "./healthy-set";

/**
 * Two distinct healthy backends drawn at random, the one with fewer requests in flight (the first
 * drawn on a tie). Drawing the second from the n - 1 others keeps them distinct without retrying.
 */
export class PowerOfTwo implements Strategy {
  private readonly healthy = new HealthySet();

  constructor(private readonly random: () => number) {}

  added(backend: Backend): void {
    this.healthy.sync(backend, backend.healthy);
  }

  removed(backend: Backend): void {
    this.healthy.sync(backend, false);
  }

  healthChanged(backend: Backend): void {
    this.healthy.sync(backend, backend.healthy);
  }

  choose(): Backend | undefined {
    const items = this.healthy.items;
    const n = items.length;
    if (n < 2) return items[0];
    const first = Math.floor(this.random() * n);
    let second = Math.floor(this.random() * (n - 1));
    if (second >= first) second += 1;
    const a = items[first] as Backend;
    const b = items[second] as Backend;
    return b.inFlight < a.inFlight ? b : a;
  }
}
