import { notImplemented } from "#kata";
import type { NodeContext, SimNode } from "#kata/sim";
import type { DeliveryMessage } from "./messages";
import { DEFAULT_SETTINGS, type DeliveryOptions, type DeliverySettings } from "./settings";
// Also yours to use: isDeliveryMessage from "./messages", DELIVERY_MODES from "./settings",
// DeliveryError from "./errors".

/** A message the producer gave up on, kept with the evidence an operator needs to decide what to do. */
export interface DeadLetter {
  key: string;
  payload: string;
  /** How many times it was delivered: maxAttempts. */
  attempts: number;
  /** How its last attempt ended: the consumer nacked it, or no reply came within the visibility timeout. */
  lastAttempt: "rejected" | "timed-out";
  /** The error of the latest nack received for this message, whichever attempt it named; null if none came. */
  error: string | null;
}

/**
 * The sending side of one hop: it takes messages from the application (`publish`) and gets each
 * to the consumer with the promise its mode makes. In at-least-once and effectively-once it is
 * also the queue: it keeps every message until the consumer acknowledges it or it is dead-lettered.
 *
 *   at-most-once      send each message once. No timer, no retry: a lost message stays lost.
 *   at-least-once     send, and keep the message until an Ack names it. No reply within
 *   effectively-once  visibilityTimeoutMs: send the next attempt (attempt + 1). A Nack of the
 *                     current attempt: send the next attempt at once. After maxAttempts attempts
 *                     have timed out or been nacked, move the message to the dead-letter queue.
 *                     (The two modes differ only at the consumer.)
 *
 * Replies:
 *   - An Ack settles every message it names, whichever attempt it names: the consumer acks only
 *     what it has processed, so even a late ack proves the work was done.
 *   - A Nack counts only for the attempt it names. A nack for an earlier attempt is stale: that
 *     attempt already ended when its visibility timeout expired and a newer one is out. It must not
 *     trigger another delivery nor end the current attempt; its error is still kept as evidence.
 *   - Replies for messages no longer pending (settled, dead-lettered, never published), replies
 *     from any node but the consumer, and malformed messages (isDeliveryMessage) are ignored.
 *
 * The NodeContext is the producer's only way to act: ctx.send, ctx.setTimer / clearTimer (virtual
 * time), ctx.now(), ctx.log(text). Math.random and Date.now throw inside the simulation.
 */
export class Producer implements SimNode<DeliveryMessage> {
  readonly settings: DeliverySettings;

  /**
   * @param consumer the node id every message goes to; one of ctx.peers
   * @param options the mode, and any setting that differs from DEFAULT_SETTINGS
   * @throws DeliveryError INVALID_MODE, INVALID_VISIBILITY_TIMEOUT, INVALID_MAX_ATTEMPTS,
   *   INVALID_PROCESSING_TIME, INVALID_ACK_DELAY or INVALID_DEDUP_WINDOW for a setting out of range
   *   (see src/errors.ts), INVALID_CONSUMER when `consumer` is not a peer.
   */
  constructor(ctx: NodeContext<DeliveryMessage>, consumer: string, options: DeliveryOptions) {
    this.settings = { ...DEFAULT_SETTINGS, ...options };
    notImplemented(`new Producer() for ${ctx.id}, sending to ${consumer}`);
  }

  /**
   * Sends a new message (attempt 1) to the consumer and, unless the mode is at-most-once, keeps it
   * pending with its visibility timer running.
   * @throws DeliveryError INVALID_KEY unless `key` is a non-empty string, INVALID_PAYLOAD unless
   *   `payload` is a string, DUPLICATE_KEY when this producer has published `key` before (a key
   *   names one message; the producer already retries it). A refused publish sends nothing.
   */
  publish(key: string, payload: string): void {
    notImplemented(`Producer.publish(${JSON.stringify(key)}, ${JSON.stringify(payload)})`);
  }

  /** The keys of messages sent and neither acknowledged nor dead-lettered, in the order published. */
  pending(): string[] {
    return notImplemented("Producer.pending");
  }

  /** The dead-letter queue: every message given up on, in the order it was given up. */
  deadLetters(): DeadLetter[] {
    return notImplemented("Producer.deadLetters");
  }

  /** Called by the network for every message delivered to the producer: Acks and Nacks. */
  onMessage(from: string, message: DeliveryMessage): void {
    notImplemented(`Producer.onMessage(${JSON.stringify(from)}, ${message.type})`);
  }
}
