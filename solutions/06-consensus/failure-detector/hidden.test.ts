import { ensure } from "#kata/testing";
import { forEachSeed, Simulation } from "#kata/sim";
import { FailureDetectorNode, type Ping } from "./src/failure-detector";

test("TODO(kata new): a grading-only case", () => {
  forEachSeed(5, (seed) => {
    const sim = new Simulation<Ping, FailureDetectorNode>({
      seed,
      nodeIds: ["a", "b", "c"],
      createNode: (ctx) => new FailureDetectorNode(ctx),
    });
    sim.runFor(100);
    ensure(sim.stats.delivered > 0, "no message was delivered; TODO(kata new): a message that teaches");
  });
});
