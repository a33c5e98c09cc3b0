/**
 * The base of every exercise's input errors: a message for people and a `code` for programs (and
 * tests) to switch on. An exercise declares its own subclass and codes, for example
 *   export class RingError extends CodedError<RingErrorCode> { override readonly name = "RingError"; }
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}
