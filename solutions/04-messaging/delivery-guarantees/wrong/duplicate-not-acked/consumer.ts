/**
 * The mistake: effectively-once drops a duplicate silently, without acking it. The message was
 * applied, but its first ack was lost, so the producer redelivers it; every redelivery is dropped
 * unanswered, and the message ends in the dead-letter queue although it was processed.
 */
import type { Deliver } from "../../src/messages";
import { Consumer as Reference } from "../../src/consumer";

export type { Handler, ReceivedMessage } from "../../src/consumer";

export class Consumer extends Reference {
  protected override onDuplicate(from: string, delivery: Deliver): void {
    void from;
    void delivery;
  }
}
