import { CodedError } from "../core/coded-error";

export type GradebookErrorCode = "ROSTER" | "SHARD" | "MERGE" | "OPTIONS";

/** Something about a class folder, a shard or a merge that the instructor can fix; the message says how. */
export class GradebookError extends CodedError<GradebookErrorCode> {
  override readonly name = "GradebookError";
}
