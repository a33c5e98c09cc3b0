/**
 * The mistake: delivering another node's message applies the receive rule of a clock that counts
 * every event: merge the stamp, then tick your own entry. The node's own entry then counts its
 * deliveries too, so its next broadcast carries a number its peers wait for forever.
 */
import { merge, tick, type VectorClock } from "../../src/vector-clock";

export type { Delivery } from "../../src/delivered-log";
import type { Delivery } from "../../src/delivered-log";

export class DeliveredLog {
  vector: VectorClock = {};
  readonly entries: Delivery[] = [];

  constructor(readonly self: string) {}

  record(delivery: Delivery, stamp: VectorClock, notify: ((delivery: Delivery) => void) | undefined): void {
    this.vector =
      delivery.origin === this.self ? tick(this.vector, this.self) : tick(merge(this.vector, stamp), this.self);
    this.entries.push(delivery);
    notify?.({ ...delivery });
  }
}
