/** TODO(kata new): why this figure is the cost that matters. */
import { defineBench } from "#kata/bench";
import { Simulation } from "#kata/sim";
import type * as Api from "./src/failure-detector";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "sim",
      name: "messages per run",
      unit: "messages",
      seeds: 20,
      measure: (api, seed) => {
        const sim = new Simulation<Api.Ping, InstanceType<typeof api.FailureDetectorNode>>({
          seed,
          nodeIds: ["a", "b", "c"],
          createNode: (ctx) => new api.FailureDetectorNode(ctx),
        });
        sim.runFor(100);
        return sim.stats.sent;
      },
    },
  ],
});
