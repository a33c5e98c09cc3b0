import { ensure } from "#kata/testing";
import { mergeSorted } from "./src/merge";

test("hidden placeholder", () => {
  ensure(mergeSorted([], []).length === 0, "x");
});
