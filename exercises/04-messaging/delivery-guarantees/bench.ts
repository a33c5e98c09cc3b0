/**
 * What a delivery guarantee costs on the wire: on 50 seeds, 100 messages published one every 2 ms
 * over a network that loses and doubles 5% of messages, once at-least-once and once
 * effectively-once, each run until every message is acked or dead-lettered. The figure is messages
 * sent by both nodes (deliveries, redeliveries, acks, nacks) per message processed: one Deliver
 * each is the floor, and how the replies are sent is what decides the rest. Deterministic per seed.
 */
import { defineBench } from "#kata/bench";
import type * as DeliveryModule from "./src/delivery-guarantees";
import type { DeliveryMode } from "./src/settings";
import { DeliveryPair } from "./delivery-pair";

const NETWORK = { minDelayMs: 1, maxDelayMs: 10, dropRate: 0.05, duplicateRate: 0.05 };
const MESSAGES = 100;

function run(api: typeof DeliveryModule, seed: number, mode: DeliveryMode): { sent: number; processed: number } {
  const pair = new DeliveryPair(api, { seed, settings: { mode }, network: NETWORK });
  pair.publish(MESSAGES, 2);
  pair.settle(10_000);
  return { sent: pair.sim.stats.sent, processed: pair.ledger.processed() };
}

export default defineBench<typeof DeliveryModule>({
  workloads: [
    {
      kind: "sim",
      name: "messages per message processed",
      unit: "messages",
      seeds: 50,
      measure: (api, seed) => {
        const runs = (["at-least-once", "effectively-once"] as const).map((mode) => run(api, seed, mode));
        const processed = runs.reduce((sum, r) => sum + r.processed, 0);
        return runs.reduce((sum, r) => sum + r.sent, 0) / Math.max(1, processed);
      },
    },
  ],
});
