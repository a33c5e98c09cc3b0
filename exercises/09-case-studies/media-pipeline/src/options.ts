/** The pipeline's options, what goes in and what comes out (given code). */
import type { MediaType } from "./media-types";
import type { ObjectStore } from "./object-store";

/** Pixels: positive integers. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** One size variant: a name for its storage key, and the box its rendition must fit in. */
export interface VariantSpec {
  /** Lower-case letters, digits and dashes ("thumbnail", "hd-720"); never "original". */
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

/** Instagram's sizes, as the seed design lists them. */
export const DEFAULT_VARIANTS: readonly VariantSpec[] = [
  { name: "thumbnail", width: 150, height: 150 },
  { name: "small", width: 320, height: 320 },
  { name: "medium", width: 640, height: 640 },
  { name: "large", width: 1080, height: 1080 },
];

/** 10 MiB, the API gateway's upload limit in the seed design. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_RETRY_DELAY_MS = 1_000;

/** What a client sends: who uploads, the file's name as the client gave it, and its bytes. */
export interface Upload {
  /** The uploader's id: letters, digits, "-" and "_" only, because it becomes part of storage keys. */
  readonly owner: string;
  /** The client's name for the file ("IMG_0042.JPG"). Only checked against the content, never used in keys. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** A stored original, as the processor is given it. */
export interface Original {
  readonly id: number;
  readonly owner: string;
  readonly type: MediaType;
  /** Its storage key: `media/<owner>/<id>/original.<ext>`. */
  readonly key: string;
  readonly bytes: Uint8Array;
}

/**
 * The image and video work: decoding, resizing, encoding. Injected, because it is the slow,
 * failure-prone part a real pipeline runs on worker machines (ImageMagick, libvips, ffmpeg); the
 * tests and the bench give a simulated one. Either method may throw: that attempt has failed.
 */
export interface MediaProcessor {
  /** The original's size in pixels (a real one reads it from the file's header). */
  probe(original: Original): Size;
  /** The original rendered at exactly `size`, encoded in the original's type. */
  render(original: Original, size: Size): Uint8Array;
}

/**
 * Where a media is in its life:
 * - "queued": uploaded, its first attempt not started yet;
 * - "processing": an attempt is running (what the processor and event listeners see meanwhile);
 * - "retrying": an attempt failed and another is scheduled, at `nextAttemptAt`;
 * - "ready": every variant is stored (final);
 * - "failed": maxAttempts attempts failed; its variants were removed, the original kept (final).
 */
export type MediaState = "queued" | "processing" | "retrying" | "ready" | "failed";

/** A stored variant. */
export interface VariantRecord {
  readonly name: string;
  /** `media/<owner>/<id>/<name>.<ext>` */
  readonly key: string;
  readonly width: number;
  readonly height: number;
  /** The length of the bytes the processor rendered and the store took. */
  readonly byteLength: number;
}

/** A snapshot of one media: a copy, which later changes to the pipeline do not touch. */
export interface MediaStatus {
  /** 1, 2, 3, ... in the order uploads were accepted; a refused upload takes no id. */
  readonly id: number;
  readonly owner: string;
  readonly fileName: string;
  /** The type sniffed from the content. */
  readonly type: MediaType;
  readonly byteLength: number;
  /** The original's storage key: `media/<owner>/<id>/original.<ext>`. */
  readonly original: string;
  readonly state: MediaState;
  /** Attempts started so far: 0 while queued, 1 once the first has started, and so on. */
  readonly attempts: number;
  /** When the next attempt is due: the upload's time while queued, the retry's while retrying; else undefined. */
  readonly nextAttemptAt: number | undefined;
  /** The original's size once probed; undefined before. */
  readonly size: Size | undefined;
  /** The variants stored so far, in the order of the pipeline's variants. */
  readonly variants: readonly VariantRecord[];
  /** The last failed attempt's error message while retrying, processing again, or failed; undefined otherwise. */
  readonly error: string | undefined;
}

/** What the pipeline announces (to a feed service, a notifier), each once the status shows it. */
export type MediaEvent =
  | { readonly type: "uploaded"; readonly id: number }
  | {
      readonly type: "retrying";
      readonly id: number;
      readonly attempt: number;
      readonly nextAttemptAt: number;
      readonly error: string;
    }
  | { readonly type: "ready"; readonly id: number }
  | { readonly type: "failed"; readonly id: number; readonly attempts: number; readonly error: string };

export interface MediaPipelineOptions {
  /** Where the original and the variants are written. */
  store: ObjectStore;
  /** Probes and renders; may throw. */
  processor: MediaProcessor;
  /** Milliseconds now; Date.now when omitted. Never goes backwards. Tests move one by hand. */
  clock?: () => number;
  /** The largest upload accepted, in bytes; a positive integer, 10 MiB by default. */
  maxBytes?: number;
  /** Attempts in all, the first included, before a media is marked failed; a positive integer, 3 by default. */
  maxAttempts?: number;
  /** The backoff's base: attempt n failed at t is retried at t + retryDelayMs x 2^(n-1). Positive; 1,000 by default. */
  retryDelayMs?: number;
  /** The size variants to render, in order; DEFAULT_VARIANTS by default. */
  variants?: readonly VariantSpec[];
  /** Called with each event, after the status shows it. */
  onEvent?: (event: MediaEvent) => void;
}
