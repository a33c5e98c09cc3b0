/**
 * What causal broadcast costs on the wire: on 50 seeds, a group of 5 chatters (each node
 * broadcasts 8 messages over 400 ms and answers about 1 delivery in 5, up to 8 answers), on a
 * network that reorders (delays 1-60 ms) and duplicates 10% of messages. The figure is messages
 * sent per message delivered at a node other than its origin: the network's copies are not sent
 * by anyone and do not count. A node that sends each broadcast once to each peer scores 1.0.
 */
import { defineBench } from "#kata/bench";
import type * as CausalModule from "./src/causal-broadcast";
import { chattyCluster } from "./causal-cluster";

const CHATTER = { broadcastsPerNode: 8, spreadMs: 400, replyChance: 0.2, maxReplies: 8 };
const NETWORK = { minDelayMs: 1, maxDelayMs: 60, duplicateRate: 0.1 };

function messagesPerDelivery(api: typeof CausalModule, seed: number): number {
  const sim = chattyCluster(api, { seed, size: 5, network: NETWORK, chatter: CHATTER });
  sim.runFor(3_000);
  let remote = 0;
  for (const [id, node] of sim.liveNodes()) remote += node.delivered().filter((d) => d.origin !== id).length;
  return sim.stats.sent / Math.max(1, remote);
}

export default defineBench<typeof CausalModule>({
  workloads: [
    {
      kind: "sim",
      name: "messages per delivery",
      unit: "messages",
      seeds: 50,
      measure: (api, seed) => messagesPerDelivery(api, seed),
    },
  ],
});
