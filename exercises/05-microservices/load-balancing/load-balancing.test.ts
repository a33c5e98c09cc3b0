import { codeOf, ensure } from "#kata/testing";
import { LoadBalancingError } from "./src/errors";
import { LoadBalancing } from "./src/load-balancing";

test("TODO(kata new): the behaviour this test names", () => {
  ensure(new LoadBalancing().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});

test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new LoadBalancing();
  ensure(codeOf(LoadBalancingError, () => subject.run("")) === "INVALID_INPUT", "TODO(kata new): a message that teaches");
});
