import { codeOf, ensure } from "#kata/testing";
import { SagaOrchestratorError } from "./src/errors";
import { SagaOrchestrator } from "./src/saga-orchestrator";

test("TODO(kata new): the behaviour this test names", () => {
  ensure(new SagaOrchestrator().run("a") === "A", "TODO(kata new): a message that says what a correct design gives");
});

test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new SagaOrchestrator();
  ensure(
    codeOf(SagaOrchestratorError, () => subject.run("")) === "INVALID_INPUT",
    "TODO(kata new): a message that teaches",
  );
});
