import { DeliveryError } from "./errors";
import { DEFAULT_SETTINGS, DELIVERY_MODES, type DeliveryOptions, type DeliverySettings } from "./settings";

const isDuration = (ms: number): boolean => Number.isFinite(ms) && ms >= 0;

/**
 * The settings with defaults filled in, or the first one out of range refused with the value given
 * and the range that works. Both nodes check the same settings, so a pair that disagrees about the
 * rules cannot start.
 */
export function checkedSettings(options: DeliveryOptions): DeliverySettings {
  const settings: DeliverySettings = { ...DEFAULT_SETTINGS, ...options };
  const { mode, processingMs, ackDelayMs, visibilityTimeoutMs, maxAttempts, dedupWindowMs } = settings;
  if (!DELIVERY_MODES.includes(mode)) {
    throw new DeliveryError(
      "INVALID_MODE",
      `mode must be one of ${DELIVERY_MODES.join(", ")}; got ${JSON.stringify(mode)}`,
    );
  }
  if (!isDuration(processingMs)) {
    throw new DeliveryError(
      "INVALID_PROCESSING_TIME",
      `processingMs must be a finite number >= 0, got ${processingMs}`,
    );
  }
  if (!isDuration(ackDelayMs)) {
    throw new DeliveryError(
      "INVALID_ACK_DELAY",
      `ackDelayMs must be a finite number >= 0 (0 acks at once), got ${ackDelayMs}`,
    );
  }
  if (!Number.isFinite(visibilityTimeoutMs) || !(visibilityTimeoutMs > processingMs + ackDelayMs)) {
    throw new DeliveryError(
      "INVALID_VISIBILITY_TIMEOUT",
      `visibilityTimeoutMs must be finite and longer than processingMs + ackDelayMs (${processingMs + ackDelayMs} ms), ` +
        `got ${visibilityTimeoutMs}: a shorter one redelivers every message while its first attempt is still being processed`,
    );
  }
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new DeliveryError(
      "INVALID_MAX_ATTEMPTS",
      `maxAttempts must be a whole number >= 1 (the first delivery counts), got ${maxAttempts}`,
    );
  }
  if (!Number.isFinite(dedupWindowMs) || !(dedupWindowMs > 0)) {
    throw new DeliveryError(
      "INVALID_DEDUP_WINDOW",
      `dedupWindowMs must be a finite number > 0, got ${dedupWindowMs}; make it longer than every redelivery ` +
        `(maxAttempts x visibilityTimeoutMs) or duplicates get through`,
    );
  }
  return settings;
}
