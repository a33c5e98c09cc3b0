/**
 * The mistake: duplicates are recognised by their payload (or a hash of it) instead of the
 * idempotency key. Two different messages with the same content (the same customer buying the same
 * thing twice) look like one, and the second is acked and never applied.
 */
import { DedupWindow as Reference } from "../../src/dedup-window";
import type { Deliver } from "../../src/messages";

const byPayload = (delivery: Deliver): Deliver => ({ ...delivery, key: delivery.payload });

export class DedupWindow extends Reference {
  override has(delivery: Deliver, now: number): boolean {
    return super.has(byPayload(delivery), now);
  }

  override remember(delivery: Deliver, now: number): void {
    super.remember(byPayload(delivery), now);
  }
}
