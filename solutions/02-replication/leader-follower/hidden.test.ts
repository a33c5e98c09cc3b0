/** Grading-only tests: more sizes, sync levels, failovers and the edges of each rule. */
import { ensure } from "#kata/testing";
import * as replica from "./src/replica-node";

test("placeholder", () => {
  ensure(typeof replica.ReplicaNode === "function", "placeholder");
});
