/**
 * The mistake: the consumer acks a message as soon as it arrives, then processes it (the "auto-ack"
 * of many client libraries). Nothing goes wrong until the consumer crashes between the two: the
 * producer holds an ack and has dropped the message, which was never processed.
 */
import type { NodeContext } from "#kata/sim";
import { Consumer as Reference, type Handler } from "../../src/consumer";
import { isDeliveryMessage, type DeliveryMessage } from "../../src/messages";
import type { DeliveryOptions } from "../../src/settings";

export type { Handler, ReceivedMessage } from "../../src/consumer";

export class Consumer extends Reference {
  private readonly early: NodeContext<DeliveryMessage>;

  constructor(ctx: NodeContext<DeliveryMessage>, handler: Handler, options: DeliveryOptions) {
    super(ctx, handler, options);
    this.early = ctx;
  }

  override onMessage(from: string, message: DeliveryMessage): void {
    if (isDeliveryMessage(message) && message.type === "Deliver" && this.settings.mode !== "at-most-once")
      this.early.send(from, { type: "Ack", acks: [{ key: message.key, attempt: message.attempt }] });
    super.onMessage(from, message);
  }
}
