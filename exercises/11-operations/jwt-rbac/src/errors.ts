import { CodedError } from "#kata";

/** The errors jwt-rbac raises. Given code: the learner uses it as it is. */
export type JwtRbacErrorCode =
  | "INVALID_INPUT"; // TODO(kata new): one code per kind of bad input, with a comment each

export class JwtRbacError extends CodedError<JwtRbacErrorCode> {
  override readonly name = "JwtRbacError";
}
