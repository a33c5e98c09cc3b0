import { ChatError } from "./errors";
import {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_HISTORY_SIZE,
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_TEXT_LENGTH,
  MAX_HISTORY_SIZE,
  MAX_TEXT_LENGTH_LIMIT,
  MIN_MAX_BUFFERED_BYTES,
  heartbeatEvery,
  type ChatServerOptions,
  type HeartbeatTimer,
} from "./options";

/** The options once checked, every default filled in. */
export interface Settings {
  historySize: number;
  maxTextLength: number;
  maxBufferedBytes: number;
}

/** An integer option between `min` and `max`, or its default when absent. */
function integerOption(
  options: ChatServerOptions,
  field: keyof Settings,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = options[field];
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new ChatError(
      "INVALID_OPTIONS",
      `${field} must be an integer ${range}, got ${String(value)}; leave it out for ${fallback}`,
    );
  }
  return value;
}

/** Checks the options and fills in the defaults. */
export function settingsOf(options: ChatServerOptions): Settings & { heartbeat: HeartbeatTimer } {
  if (typeof options !== "object" || options === null)
    throw new ChatError("INVALID_OPTIONS", `options must be an object, got ${String(options)}`);
  const heartbeat = options.heartbeat ?? heartbeatEvery(DEFAULT_HEARTBEAT_MS);
  if (typeof heartbeat !== "function")
    throw new ChatError(
      "INVALID_OPTIONS",
      "heartbeat must be a function (tick) => stop, such as heartbeatEvery(30_000)",
    );
  return {
    historySize: integerOption(options, "historySize", 0, MAX_HISTORY_SIZE, DEFAULT_HISTORY_SIZE),
    maxTextLength: integerOption(options, "maxTextLength", 1, MAX_TEXT_LENGTH_LIMIT, DEFAULT_MAX_TEXT_LENGTH),
    maxBufferedBytes: integerOption(
      options,
      "maxBufferedBytes",
      MIN_MAX_BUFFERED_BYTES,
      Infinity,
      DEFAULT_MAX_BUFFERED_BYTES,
    ),
    heartbeat,
  };
}
