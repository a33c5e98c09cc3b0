import { CodedError } from "#kata";

/** The errors a CDN raises for bad configuration or arguments. Given code. */
export type CdnErrorCode =
  | "INVALID_COORDINATES" // latitude outside [-90, 90], longitude outside [-180, 180], or not a number
  | "INVALID_EDGE" // an edge with an empty or duplicate id, or a capacity that is not a positive integer
  | "UNKNOWN_EDGE" // an edge id the CDN does not have
  | "INVALID_CONTENT_ID"; // a content id that is not a non-empty string

export class CdnError extends CodedError<CdnErrorCode> {
  override readonly name = "CdnError";
}
