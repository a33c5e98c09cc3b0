import { ensure } from "#kata/testing";
import { CircuitBreaker } from "./src/circuit-breaker";

test("TODO(kata new): a grading-only case", () => {
  ensure(new CircuitBreaker().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});
