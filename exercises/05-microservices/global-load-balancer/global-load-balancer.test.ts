import { codeOf, ensure } from "#kata/testing";
import { GlobalLoadBalancerError } from "./src/errors";
import { GlobalLoadBalancer } from "./src/global-load-balancer";

test("TODO(kata new): the behaviour this test names", () => {
  ensure(new GlobalLoadBalancer().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});

test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new GlobalLoadBalancer();
  ensure(codeOf(GlobalLoadBalancerError, () => subject.run("")) === "INVALID_INPUT", "TODO(kata new): a message that teaches");
});
