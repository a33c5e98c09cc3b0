import { CodedError } from "#kata";

/**
 * The errors the replicated types raise. Given code: use it, no need to change it.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. A call that throws changes nothing.
 */
export type CrdtErrorCode =
  | "INVALID_REPLICA_ID" // not 1-64 letters, digits, dots, dashes, underscores or colons, starting with a letter or digit
  | "INVALID_AMOUNT" // an increment or decrement that is not a positive safe integer
  | "INVALID_TIMESTAMP" // a clock reading that is not a finite number of milliseconds, 0 or more
  | "INVALID_STATE" // a state handed to merge() that no replica of this type could have produced
  | "NOTHING_TO_RESOLVE"; // resolve() on a register that holds no value yet

export class CrdtError extends CodedError<CrdtErrorCode> {
  override readonly name = "CrdtError";
}
