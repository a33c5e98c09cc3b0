import type { NodeContext, SimNode } from "#kata/sim";
import { DeliveryError } from "./errors";
import { isDeliveryMessage, type DeliveryMessage, type Nack } from "./messages";
import { MODE_RULES, type ModeRules } from "./mode-rules";
import { PendingMessage } from "./pending-message";
import type { DeliveryOptions, DeliverySettings } from "./settings";
import { checkedSettings } from "./settings-check";

export interface DeadLetter {
  key: string;
  payload: string;
  attempts: number;
  lastAttempt: "rejected" | "timed-out";
  error: string | null;
}

/**
 * The sending side, and in the two redelivering modes the queue itself: every message stays in
 * `inFlight` from its first send until an ack names it or its last attempt ends, and each attempt
 * has one visibility timer. An attempt ends in one of three ways: an ack (settled, whichever
 * attempt it names), a nack of that very attempt, or its timer; the last two lead to the next
 * attempt or, after maxAttempts, to the dead-letter queue. A stale nack only leaves its error.
 */
export class Producer implements SimNode<DeliveryMessage> {
  readonly settings: DeliverySettings;
  private readonly ctx: NodeContext<DeliveryMessage>;
  private readonly consumer: string;
  private readonly rules: ModeRules;
  private readonly published = new Set<string>();
  /** In publish order, which Map keeps: pending() lists it as it is. */
  private readonly inFlight = new Map<string, PendingMessage>();
  private readonly dead: DeadLetter[] = [];

  constructor(ctx: NodeContext<DeliveryMessage>, consumer: string, options: DeliveryOptions) {
    this.settings = checkedSettings(options);
    if (!ctx.peers.includes(consumer)) {
      throw new DeliveryError(
        "INVALID_CONSUMER",
        `the consumer must be one of this node's peers (${ctx.peers.join(", ") || "none"}), got ${JSON.stringify(consumer)}`,
      );
    }
    this.ctx = ctx;
    this.consumer = consumer;
    this.rules = MODE_RULES[this.settings.mode];
  }

  publish(key: string, payload: string): void {
    if (typeof key !== "string" || key.length === 0) {
      throw new DeliveryError(
        "INVALID_KEY",
        `an idempotency key must be a non-empty string, got ${JSON.stringify(key) ?? String(key)}`,
      );
    }
    if (typeof payload !== "string") {
      throw new DeliveryError(
        "INVALID_PAYLOAD",
        `a payload must be a string (serialise objects first), got ${typeof payload}`,
      );
    }
    if (this.published.has(key)) {
      throw new DeliveryError(
        "DUPLICATE_KEY",
        `key ${JSON.stringify(key)} was published before: a key names one message, which this producer already ` +
          "delivers until it is acked or dead-lettered; give a new message a new key",
      );
    }
    this.published.add(key);
    const message = new PendingMessage(key, payload);
    if (this.rules.redelivers) this.inFlight.set(key, message);
    this.send(message);
  }

  pending(): string[] {
    return [...this.inFlight.keys()];
  }

  deadLetters(): DeadLetter[] {
    return this.dead.map((letter) => ({ ...letter }));
  }

  onMessage(from: string, message: DeliveryMessage): void {
    if (from !== this.consumer || !isDeliveryMessage(message)) return;
    if (message.type === "Ack") {
      for (const { key } of message.acks) this.settle(key);
    } else if (message.type === "Nack") {
      this.onNack(message);
    }
  }

  private send(message: PendingMessage): void {
    this.ctx.send(this.consumer, message.deliver());
    if (!this.rules.redelivers) return;
    message.timer = this.ctx.setTimer(this.settings.visibilityTimeoutMs, () => this.attemptEnded(message, "timed-out"));
  }

  /** An ack of any attempt: the consumer acks only what it processed, so the work is done. */
  private settle(key: string): void {
    const message = this.inFlight.get(key);
    if (message === undefined) return;
    this.ctx.clearTimer(message.timer);
    this.inFlight.delete(key);
  }

  private onNack(nack: Nack): void {
    const message = this.inFlight.get(nack.key);
    if (message === undefined) return;
    message.error = nack.error;
    if (!message.isCurrent(nack.attempt)) return; // stale: its attempt already timed out
    this.ctx.clearTimer(message.timer);
    this.attemptEnded(message, "rejected");
  }

  private attemptEnded(message: PendingMessage, how: "rejected" | "timed-out"): void {
    if (message.hasAttemptsLeft(this.settings.maxAttempts)) {
      message.nextAttempt();
      this.send(message);
      return;
    }
    this.inFlight.delete(message.key);
    this.dead.push(message.deadLetter(how));
    this.ctx.log(`dead-letters ${message.key} after ${message.attempt} attempts (${how})`);
  }
}
