/**
 * What a node has delivered: the delivered vector and the deliveries in order. A delivery counts
 * in its origin's entry only: a node's own entry counts its own broadcasts, nothing else.
 */
import { tick, type VectorClock } from "./vector-clock";

export interface Delivery {
  origin: string;
  payload: string;
}

export class DeliveredLog {
  vector: VectorClock = {};
  readonly entries: Delivery[] = [];

  constructor(readonly self: string) {}

  /**
   * Records the delivery, then tells the application: a reply it broadcasts from the callback is
   * stamped with a vector that already counts what it answers.
   */
  record(delivery: Delivery, stamp: VectorClock, notify: ((delivery: Delivery) => void) | undefined): void {
    void stamp; // the origin's entry is all that changes: stamp[origin] is delivered[origin] + 1
    this.vector = tick(this.vector, delivery.origin);
    this.entries.push(delivery);
    notify?.({ ...delivery });
  }
}
