import type { NodeContext, SimNode } from "#kata/sim";
import { DeliveredLog, type Delivery } from "./delivered-log";
import { deliveryVerdict } from "./delivery";
import { onFirstReceipt, sendToPeers } from "./dissemination";
import { HoldBackQueue } from "./hold-back";
import { isCausalMessage, type Broadcast, type CausalMessage } from "./messages";
import { tick, type VectorClock } from "./vector-clock";

export type { CausalMessage } from "./messages";
export type { VectorClock } from "./vector-clock";
export type { Delivery } from "./delivered-log";

export interface CausalBroadcastOptions {
  onDeliver?: (delivery: Delivery) => void;
}

/**
 * Causal broadcast: a delivered vector (./delivered-log), the delivery rule (./delivery), a
 * hold-back queue (./hold-back), and one send per peer (./dissemination).
 */
export class CausalBroadcastNode implements SimNode<CausalMessage> {
  private readonly ctx: NodeContext<CausalMessage>;
  private readonly onDeliver: ((delivery: Delivery) => void) | undefined;
  private readonly log: DeliveredLog;
  private readonly holdBack = new HoldBackQueue();

  constructor(ctx: NodeContext<CausalMessage>, options: CausalBroadcastOptions = {}) {
    this.ctx = ctx;
    this.onDeliver = options.onDeliver;
    this.log = new DeliveredLog(ctx.id);
  }

  broadcast(payload: string): void {
    const self = this.ctx.id;
    const message: Broadcast = { type: "Broadcast", origin: self, stamp: tick(this.log.vector, self), payload };
    sendToPeers(this.ctx, message);
    this.log.record({ origin: self, payload }, message.stamp, this.onDeliver);
  }

  delivered(): readonly Delivery[] {
    return this.log.entries;
  }

  clock(): VectorClock {
    return { ...this.log.vector };
  }

  pending(): number {
    return this.holdBack.size;
  }

  onMessage(from: string, message: CausalMessage): void {
    if (!isCausalMessage(message)) {
      this.ctx.log(`ignored a malformed message from ${from}`);
      return;
    }
    if (deliveryVerdict(this.log.vector, message.origin, message.stamp) === "duplicate") return;
    if (!this.holdBack.hold(message)) return; // a copy of one already waiting
    onFirstReceipt(this.ctx, from, message);
    this.holdBack.drain(
      (m) => deliveryVerdict(this.log.vector, m.origin, m.stamp),
      (m) => this.log.record({ origin: m.origin, payload: m.payload }, m.stamp, this.onDeliver),
    );
  }
}
