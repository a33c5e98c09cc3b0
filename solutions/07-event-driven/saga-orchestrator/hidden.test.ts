import { ensure } from "#kata/testing";
import { SagaOrchestrator } from "./src/saga-orchestrator";

test("TODO(kata new): a grading-only case", () => {
  ensure(new SagaOrchestrator().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});
