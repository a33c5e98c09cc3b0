import { notImplemented } from "#kata";
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_BYTES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_VARIANTS,
  type MediaPipelineOptions,
  type MediaStatus,
  type Upload,
  type VariantSpec,
} from "./options";
// MediaError (./errors), sniffMediaType (./sniff), fitWithin (./fit), EXTENSIONS and
// STORED_EXTENSION (./media-types) are what the finished pipeline is built from.

export type * from "./options";
export type { MediaType } from "./media-types";

/**
 * The media service of a photo-sharing app: it accepts uploads, stores each original, and renders
 * size variants (thumbnail, small, medium, large) in the background, retrying what fails.
 *
 * - `upload` validates everything first (fields, size, type from the content's first bytes, a file
 *   name that agrees with the content), then stores the original, then records the media and
 *   queues its job, then announces "uploaded". A refused upload stores, records and queues nothing.
 * - Nothing runs in the background: the caller runs jobs with `runNext` or `runDue`, as a worker
 *   would, and the injected clock says what is due. A job is due at its instant itself.
 * - An attempt probes the original once, then renders and stores each variant not stored yet, in
 *   order. If anything throws, the attempt has failed: the media is retried after an exponential
 *   backoff (retryDelayMs x 2^(n-1) after the n-th attempt), keeping the variants already stored,
 *   until maxAttempts attempts in all have failed; then it is "failed" and its variants are
 *   removed from the store (the original stays).
 * - Every change of state is made (record and store) before it is announced to `onEvent`.
 *
 * Storage keys are the pipeline's own: `media/<owner>/<id>/original.<ext>` and
 * `media/<owner>/<id>/<variant>.<ext>`, with the extension of the sniffed type (STORED_EXTENSION).
 *
 * The bench keeps up to 100,000 jobs waiting: picking the next job may not scan them.
 */
export class MediaPipeline {
  /** The largest upload accepted, in bytes. */
  readonly maxBytes: number;
  /** Attempts in all, the first included, before a media is failed. */
  readonly maxAttempts: number;
  /** The backoff's base, in ms. */
  readonly retryDelayMs: number;
  /** The variants every media gets, in the order they are rendered. */
  readonly variants: readonly VariantSpec[];

  /**
   * @throws MediaError, one code per option: INVALID_MAX_BYTES unless maxBytes is omitted or a
   *   positive integer; INVALID_MAX_ATTEMPTS unless maxAttempts is omitted or a positive integer;
   *   INVALID_RETRY_DELAY unless retryDelayMs is omitted or a positive, finite number;
   *   INVALID_VARIANTS when variants is empty, a name is not lower-case letters, digits and dashes
   *   or is "original" or is used twice, or a box is not positive integers.
   */
  constructor(options: MediaPipelineOptions) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.variants = options.variants ?? DEFAULT_VARIANTS;
    notImplemented("new MediaPipeline()");
  }

  /** Jobs waiting for an attempt: media queued or retrying, due now or later. */
  get queued(): number {
    return notImplemented("MediaPipeline.queued");
  }

  /** When the first waiting job is due (a worker sleeps until then); undefined when none waits. */
  get nextDueAt(): number | undefined {
    return notImplemented("MediaPipeline.nextDueAt");
  }

  /**
   * Accepts a file: checks it, stores the original at `media/<owner>/<id>/original.<ext>`, records
   * the media as "queued" with the next id (1, 2, 3, ...), queues its job, due now, and announces
   * "uploaded". Returns the new media's status.
   *
   * Checked in this order, each refusal a MediaError that changes nothing and takes no id:
   * - INVALID_UPLOAD: upload is not an object; owner is not letters, digits, "-" and "_"; fileName
   *   is not a non-empty string; bytes is not a Uint8Array;
   * - EMPTY_FILE: zero bytes;
   * - FILE_TOO_LARGE: more than maxBytes bytes (exactly maxBytes is accepted);
   * - UNSUPPORTED_TYPE: the content is none of the five types (sniffMediaType gives undefined);
   * - TYPE_MISMATCH: the file name's extension (after its last dot, any case) is not one of
   *   EXTENSIONS[type] for the type the content is: a renamed file, or a name with no extension;
   * - STORAGE_FAILED: the store threw while writing the original.
   */
  upload(upload: Upload): MediaStatus {
    return notImplemented("MediaPipeline.upload");
  }

  /**
   * Runs one attempt of the job due longest: the smallest due time at or before now, ties to the
   * lowest id. Returns the media's status after the attempt, or undefined when no job is due.
   * Jobs of deleted media are skipped.
   *
   * The attempt marks the media "processing" and counts it, probes the original if it has not been
   * probed yet, then renders and stores each variant not stored yet, in order. Then:
   * - all stored: "ready", error cleared, "ready" announced;
   * - something threw, and fewer than maxAttempts attempts were made: "retrying", due at (the time
   *   of the failure) + retryDelayMs x 2^(attempts - 1); the variants stored so far stay;
   * - something threw on the last allowed attempt: its variants are deleted from the store, and the
   *   media is "failed" with the error's message, no variants, its original kept.
   */
  runNext(): MediaStatus | undefined {
    return notImplemented("MediaPipeline.runNext");
  }

  /** Runs attempts until none is due now; returns how many ran. */
  runDue(): number {
    return notImplemented("MediaPipeline.runDue");
  }

  /**
   * A snapshot of the media: a copy that later changes do not touch.
   * @throws MediaError UNKNOWN_MEDIA for an id the pipeline does not hold (never issued, or deleted).
   */
  status(id: number): MediaStatus {
    return notImplemented(`MediaPipeline.status(${id})`);
  }

  /**
   * Removes the media: its original and every stored variant are deleted from the store, its
   * record is gone, and its waiting job, if any, never runs.
   * @throws MediaError UNKNOWN_MEDIA for an id the pipeline does not hold; MEDIA_BUSY while one of
   *   its attempts is running (a processor or listener calling back into the pipeline).
   */
  delete(id: number): void {
    notImplemented(`MediaPipeline.delete(${id})`);
  }
}
