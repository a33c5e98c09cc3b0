import type { NodeContext, SimNode } from "#kata/sim";
import { AckBatcher } from "./ack-batcher";
import { DedupWindow } from "./dedup-window";
import { isDeliveryMessage, type Deliver, type DeliveryMessage } from "./messages";
import { MODE_RULES, type ModeRules } from "./mode-rules";
import type { DeliveryOptions, DeliverySettings } from "./settings";
import { checkedSettings } from "./settings-check";

export interface ReceivedMessage {
  key: string;
  payload: string;
  attempt: number;
}

export type Handler = (message: ReceivedMessage) => void;

/**
 * The receiving side. A Deliver passes the mode's dedup rule, then waits processingMs (a timer: the
 * handler's running time), then the handler runs and the reply follows it, never precedes it. In
 * effectively-once the key is recorded in the same step as the effect, so there is no instant at
 * which one has happened and the other has not; in at-most-once it is recorded on arrival, so no
 * restart or duplicate can run it twice, at the price of losing it if processing never finishes.
 */
export class Consumer implements SimNode<DeliveryMessage> {
  readonly settings: DeliverySettings;
  private readonly ctx: NodeContext<DeliveryMessage>;
  private readonly handler: Handler;
  private readonly rules: ModeRules;
  private readonly window: DedupWindow;
  private readonly acks: AckBatcher;
  /** Keys being processed right now (effectively-once): a copy of one is left to that processing. */
  private readonly processing = new Set<string>();

  constructor(ctx: NodeContext<DeliveryMessage>, handler: Handler, options: DeliveryOptions) {
    this.settings = checkedSettings(options);
    this.ctx = ctx;
    this.handler = handler;
    this.rules = MODE_RULES[this.settings.mode];
    this.window = new DedupWindow(ctx.storage, this.settings.dedupWindowMs);
    this.acks = new AckBatcher(ctx, this.settings.ackDelayMs);
  }

  rememberedKeys(): number {
    return this.window.size(this.ctx.now());
  }

  onMessage(from: string, message: DeliveryMessage): void {
    if (!isDeliveryMessage(message) || message.type !== "Deliver") return;
    const now = this.ctx.now();
    if (this.rules.recordsKey !== "never") {
      if (this.window.has(message, now)) {
        this.onDuplicate(from, message);
        return;
      }
      if (this.processing.has(message.key)) return;
      if (this.rules.recordsKey === "on-arrival") this.window.remember(message, now);
      else this.processing.add(message.key);
    }
    this.ctx.setTimer(this.settings.processingMs, () => this.process(from, message));
  }

  /** A copy of a key in the window: already applied (or, at most once, already taken). */
  protected onDuplicate(from: string, delivery: Deliver): void {
    if (this.rules.replies) this.acks.add(from, delivery);
  }

  private process(from: string, delivery: Deliver): void {
    this.processing.delete(delivery.key);
    try {
      this.handler({ key: delivery.key, payload: delivery.payload, attempt: delivery.attempt });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.ctx.log(`handler failed on ${delivery.key} attempt ${delivery.attempt}: ${reason}`);
      if (this.rules.replies)
        this.ctx.send(from, { type: "Nack", key: delivery.key, attempt: delivery.attempt, error: reason });
      return;
    }
    if (this.rules.recordsKey === "with-effect") this.window.remember(delivery, this.ctx.now());
    if (this.rules.replies) this.acks.add(from, delivery);
  }
}
