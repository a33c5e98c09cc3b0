/** The pipeline's options, checked once: each bad one is refused with its own code. */
import { MediaError } from "./errors";
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_BYTES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_VARIANTS,
  type MediaPipelineOptions,
  type VariantSpec,
} from "./options";

const VARIANT_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface Settings {
  maxBytes: number;
  maxAttempts: number;
  retryDelayMs: number;
  variants: readonly VariantSpec[];
}

const isPositiveInteger = (n: unknown): boolean => Number.isInteger(n) && (n as number) > 0;

export function settingsOf(options: MediaPipelineOptions): Settings {
  const { maxBytes = DEFAULT_MAX_BYTES, maxAttempts = DEFAULT_MAX_ATTEMPTS } = options;
  const { retryDelayMs = DEFAULT_RETRY_DELAY_MS, variants = DEFAULT_VARIANTS } = options;
  if (!isPositiveInteger(maxBytes)) {
    throw new MediaError(
      "INVALID_MAX_BYTES",
      `maxBytes must be a positive whole number of bytes, got ${String(maxBytes)}`,
    );
  }
  if (!isPositiveInteger(maxAttempts)) {
    throw new MediaError(
      "INVALID_MAX_ATTEMPTS",
      `maxAttempts counts attempts in all, the first included, so it must be a positive integer (1: never retry); got ${String(maxAttempts)}`,
    );
  }
  if (!Number.isFinite(retryDelayMs) || retryDelayMs <= 0) {
    throw new MediaError(
      "INVALID_RETRY_DELAY",
      `retryDelayMs must be a positive, finite number of milliseconds, got ${String(retryDelayMs)}`,
    );
  }
  checkVariants(variants);
  return { maxBytes, maxAttempts, retryDelayMs, variants };
}

function checkVariants(variants: readonly VariantSpec[]): void {
  if (!Array.isArray(variants) || variants.length === 0) {
    throw new MediaError("INVALID_VARIANTS", "variants must list at least one { name, width, height }");
  }
  const names = new Set<string>();
  for (const variant of variants) {
    const { name, width, height } = variant;
    if (typeof name !== "string" || !VARIANT_NAME.test(name) || name === "original") {
      throw new MediaError(
        "INVALID_VARIANTS",
        `variant name ${JSON.stringify(name)} must be lower-case letters, digits and dashes, and not "original" (the original's key)`,
      );
    }
    if (names.has(name)) {
      throw new MediaError("INVALID_VARIANTS", `variant name "${name}" is used twice: each names one storage key`);
    }
    names.add(name);
    if (!isPositiveInteger(width) || !isPositiveInteger(height)) {
      throw new MediaError(
        "INVALID_VARIANTS",
        `variant "${name}" needs a box in whole pixels, 1 or more, got ${String(width)}x${String(height)}`,
      );
    }
  }
}
