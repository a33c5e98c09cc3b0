/**
 * What replication between leaders costs, on 20 seeds: 3 leaders, message delays of 1-10 ms and
 * 5% of messages lost. 4 clients each make 25 writes over 20 keys at random leaders; at 100 ms a
 * partition cuts n1 off, healed at 400 ms; then the run goes on for 2 s of virtual time. The figure
 * is the messages sent per client write, lower is better and deterministic for each seed: a leader
 * that keeps resending what its peers already hold pays for every idle interval.
 */
import { defineBench } from "#kata/bench";
import { Simulation, startClients } from "#kata/sim";
import type * as Api from "./src/multi-leader-lww";

type Node = InstanceType<typeof Api.MultiLeaderLwwNode>;

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "sim",
      name: "messages per write",
      unit: "messages",
      seeds: 20,
      measure: (api, seed) => {
        const sim = new Simulation<Api.LwwMessage, Node>({
          seed,
          nodeIds: ["n1", "n2", "n3"],
          createNode: (ctx) => new api.MultiLeaderLwwNode(ctx),
          network: { minDelayMs: 1, maxDelayMs: 10, dropRate: 0.05 },
        });
        const clients = startClients(sim, {
          clients: 4,
          operationsPerClient: 25,
          timeoutMs: 100,
          nextInput: (random) => ({ key: `k${random.between(1, 20)}`, value: `v${random.between(1, 1000)}` }),
          submit: (node, input, reply) => node.put(input.key, input.value, () => reply("ok")),
        });
        sim.schedule(100, () => sim.partition(["n1"], ["n2", "n3"]));
        sim.schedule(400, () => sim.heal());
        sim.runUntil(() => clients.done(), 60_000);
        sim.runFor(2_000);
        return sim.stats.sent / 100;
      },
    },
  ],
});
