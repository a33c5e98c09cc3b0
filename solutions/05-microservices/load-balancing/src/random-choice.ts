import type { Backend, Strategy } from "./backend";
import { HealthySet } from "./healthy-set";

/** Uniformly among the healthy backends: no state to keep right, and fair only on average. */
export class RandomChoice implements Strategy {
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
    return items[Math.floor(this.random() * items.length)];
  }
}
