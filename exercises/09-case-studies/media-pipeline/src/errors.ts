import { CodedError } from "#kata";

/**
 * The errors a media pipeline raises. Given code: use it as it is.
 *
 * Each carries a `code` a caller can switch on (an API turns the upload refusals into HTTP 413 and
 * 415), and a message that says what was wrong and what to do instead.
 */
export type MediaErrorCode =
  | "INVALID_MAX_BYTES" // maxBytes is not a positive integer
  | "INVALID_MAX_ATTEMPTS" // maxAttempts is not a positive integer
  | "INVALID_RETRY_DELAY" // retryDelayMs is not a positive, finite number
  | "INVALID_VARIANTS" // variants is empty, or a variant has a bad name, a bad box or a name used twice
  | "INVALID_UPLOAD" // an upload whose owner, fileName or bytes is missing or of the wrong kind
  | "EMPTY_FILE" // an upload of zero bytes
  | "FILE_TOO_LARGE" // an upload of more than maxBytes bytes
  | "UNSUPPORTED_TYPE" // content whose first bytes are none of JPEG, PNG, GIF, WebP, MP4
  | "TYPE_MISMATCH" // a file name whose extension does not name the type the content is
  | "STORAGE_FAILED" // the object store refused the original: nothing was recorded or queued
  | "UNKNOWN_MEDIA" // status or delete of an id the pipeline does not hold
  | "MEDIA_BUSY" // delete of a media while one of its attempts is running
  | "INVALID_SIZE"; // fitWithin given a size or a box whose width or height is not a positive integer

export class MediaError extends CodedError<MediaErrorCode> {
  override readonly name = "MediaError";
}
