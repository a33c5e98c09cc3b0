import { CodedError } from "#kata";

/** The error a Raft node raises for a bad configuration. Given code: use it as it is. */
export type RaftConfigErrorCode =
  | "INVALID_TIMEOUT" // election timeouts not finite with 0 < min < max
  | "INVALID_HEARTBEAT"; // heartbeat interval not positive, or not below the minimum election timeout

export class RaftConfigError extends CodedError<RaftConfigErrorCode> {
  override readonly name = "RaftConfigError";
}
