import { ensure } from "#kata/testing";
import { forEachSeed, Simulation } from "#kata/sim";
import { MultiLeaderLwwNode, type Ping } from "./src/multi-leader-lww";

test("TODO(kata new): the behaviour this test names", () => {
  forEachSeed(5, (seed) => {
    const sim = new Simulation<Ping, MultiLeaderLwwNode>({ seed, nodeIds: ["a", "b", "c"], createNode: (ctx) => new MultiLeaderLwwNode(ctx) });
    sim.runFor(100);
    ensure(sim.stats.delivered > 0, "no message was delivered; TODO(kata new): a message that teaches");
  });
});
