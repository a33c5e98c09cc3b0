import { SagaOrchestratorError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. */
export class SagaOrchestrator {
  /**
   * TODO(kata new): one operation.
   * @throws SagaOrchestratorError INVALID_INPUT for an empty input.
   */
  run(input: string): string {
    if (input === "") throw new SagaOrchestratorError("INVALID_INPUT", "run() needs a non-empty input");
    return input.toUpperCase(); // TODO(kata new): the reference
  }
}
