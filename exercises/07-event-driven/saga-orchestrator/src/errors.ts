import { CodedError } from "#kata";

/** The errors saga-orchestrator raises. Given code: the learner uses it as it is. */
export type SagaOrchestratorErrorCode = "INVALID_INPUT"; // TODO(kata new): one code per kind of bad input, with a comment each

export class SagaOrchestratorError extends CodedError<SagaOrchestratorErrorCode> {
  override readonly name = "SagaOrchestratorError";
}
