/**
 * The mistake: the application hears of a delivery before the node records it. A reply broadcast
 * from the callback is stamped without the message it answers, so another node may deliver the
 * answer before the question.
 */
import { tick, type VectorClock } from "../../src/vector-clock";

export type { Delivery } from "../../src/delivered-log";
import type { Delivery } from "../../src/delivered-log";

export class DeliveredLog {
  vector: VectorClock = {};
  readonly entries: Delivery[] = [];

  constructor(readonly self: string) {}

  record(delivery: Delivery, stamp: VectorClock, notify: ((delivery: Delivery) => void) | undefined): void {
    void stamp;
    notify?.({ ...delivery });
    this.vector = tick(this.vector, delivery.origin);
    this.entries.push(delivery);
  }
}
