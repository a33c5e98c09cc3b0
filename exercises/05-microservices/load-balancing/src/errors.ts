import { CodedError } from "#kata";

/** The errors load-balancing raises. Given code: the learner uses it as it is. */
export type LoadBalancingErrorCode =
  | "INVALID_INPUT"; // TODO(kata new): one code per kind of bad input, with a comment each

export class LoadBalancingError extends CodedError<LoadBalancingErrorCode> {
  override readonly name = "LoadBalancingError";
}
