import { codeOf, ensure } from "#kata/testing";
import { CircuitBreakerError } from "./src/errors";
import { CircuitBreaker } from "./src/circuit-breaker";

test("TODO(kata new): the behaviour this test names", () => {
  ensure(new CircuitBreaker().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});

test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new CircuitBreaker();
  ensure(codeOf(CircuitBreakerError, () => subject.run("")) === "INVALID_INPUT", "TODO(kata new): a message that teaches");
});
