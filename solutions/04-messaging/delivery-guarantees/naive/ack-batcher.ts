/**
 * The naive consumer: every ack leaves at once, in an Ack message of its own. Correct, and the
 * obvious first design: one reply per message, so a steady stream costs about two messages on the
 * wire per message processed where the reference, holding acks for up to ackDelayMs and sending
 * them together, costs a little over one. Only this module is replaced; the rest of the reference
 * stands.
 */
import type { NodeContext } from "#kata/sim";
import type { AckedDelivery, DeliveryMessage } from "../src/messages";

export class AckBatcher {
  constructor(
    private readonly ctx: NodeContext<DeliveryMessage>,
    delayMs: number,
  ) {
    void delayMs;
  }

  add(to: string, delivery: AckedDelivery): void {
    this.ctx.send(to, { type: "Ack", acks: [{ key: delivery.key, attempt: delivery.attempt }] });
  }
}
