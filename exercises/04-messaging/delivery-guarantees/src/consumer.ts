import { notImplemented } from "#kata";
import type { NodeContext, SimNode } from "#kata/sim";
import type { DeliveryMessage } from "./messages";
import { DEFAULT_SETTINGS, type DeliveryOptions, type DeliverySettings } from "./settings";
// Also yours to use: isDeliveryMessage from "./messages", DELIVERY_MODES from "./settings",
// DeliveryError from "./errors".

/** What the handler is given for one delivery. */
export interface ReceivedMessage {
  key: string;
  payload: string;
  attempt: number;
}

/**
 * The application's work for one message: its effect (a row written, a payment made). It returns
 * when the effect is done; it throws when the effect failed and nothing was changed.
 */
export type Handler = (message: ReceivedMessage) => void;

/**
 * The receiving side of one hop. Each Deliver it accepts is processed: processing takes
 * processingMs of virtual time (a timer), then the handler runs. Handler and reply depend on the
 * mode:
 *
 *   at-most-once      Take each key once: a key already taken (within dedupWindowMs) is dropped.
 *                     Record the key in ctx.storage when the message arrives, before processing,
 *                     so nothing, not even a restart, can process it twice. Never reply: a message
 *                     lost in a crash or a failed handler stays lost.
 *   at-least-once     Process every copy that arrives, duplicates included (no deduplication: that
 *                     is effectively-once's promise, and its cost). After the handler returns, ack
 *                     the attempt; if it throws, nack the attempt with the error's message. Never
 *                     ack before the handler has returned: a crash in between would lose the message.
 *   effectively-once  As at-least-once, plus deduplication by idempotency key. When the handler
 *                     returns, record the key in ctx.storage in the same step (as a database
 *                     records it in the effect's transaction). A copy whose key was applied within
 *                     dedupWindowMs is not processed again, but it is acked (its sender is waiting
 *                     for that ack). A copy of a key being processed right now is dropped: the
 *                     ongoing processing will reply. A failed handler records nothing.
 *
 * The dedup window is measured in time, not in messages: a key recorded at time t is remembered
 * while now < t + dedupWindowMs, and forgotten from t + dedupWindowMs on (a copy arriving then is
 * new). Forget expired keys so that storage stays bounded.
 *
 * Replies go to the node the Deliver came from. Acks may wait up to ackDelayMs, so that several go
 * in one Ack message. Nacks leave at once.
 * Malformed messages (isDeliveryMessage) and anything but a Deliver are ignored.
 */
export class Consumer implements SimNode<DeliveryMessage> {
  readonly settings: DeliverySettings;

  /**
   * Reads the keys it remembers back from ctx.storage (after a restart, the window is intact).
   * @throws DeliveryError for a setting out of range, with the same codes as Producer.
   */
  constructor(ctx: NodeContext<DeliveryMessage>, handler: Handler, options: DeliveryOptions) {
    this.settings = { ...DEFAULT_SETTINGS, ...options };
    void handler;
    notImplemented(`new Consumer() for ${ctx.id}`);
  }

  /** How many keys the dedup window holds now (taken or applied less than dedupWindowMs ago). */
  rememberedKeys(): number {
    return notImplemented("Consumer.rememberedKeys");
  }

  /** Called by the network for every message delivered to the consumer. */
  onMessage(from: string, message: DeliveryMessage): void {
    notImplemented(`Consumer.onMessage(${JSON.stringify(from)}, ${message.type})`);
  }
}
