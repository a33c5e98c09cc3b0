import type { NodeContext, TimerHandle } from "#kata/sim";
import type { AckedDelivery, DeliveryMessage } from "./messages";

/**
 * Acks held back for up to `delayMs` and sent together, one Ack message per destination: the first
 * ack of a batch starts the timer, and every ack that comes before it fires rides along. On a
 * steady stream that turns one reply per message into one per delay (TCP's delayed acks, SQS's
 * DeleteMessageBatch, RabbitMQ's `multiple` flag). The delay must stay well under the visibility
 * timeout, which the settings check enforces.
 */
export class AckBatcher {
  private readonly waiting = new Map<string, AckedDelivery[]>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly ctx: NodeContext<DeliveryMessage>,
    private readonly delayMs: number,
  ) {}

  add(to: string, delivery: AckedDelivery): void {
    const batch = this.waiting.get(to);
    if (batch) batch.push({ key: delivery.key, attempt: delivery.attempt });
    else this.waiting.set(to, [{ key: delivery.key, attempt: delivery.attempt }]);
    this.timer ??= this.ctx.setTimer(this.delayMs, () => this.flush());
  }

  private flush(): void {
    this.timer = undefined;
    for (const [to, acks] of this.waiting) this.ctx.send(to, { type: "Ack", acks });
    this.waiting.clear();
  }
}
