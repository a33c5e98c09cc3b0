/** The chat server's options and its heartbeat timer. Given code: use it as it is. */

/**
 * Starts a heartbeat: calls `tick` at a steady interval until the returned function is called.
 * Tests pass one they drive by hand, so a heartbeat round happens exactly when they say.
 */
export type HeartbeatTimer = (tick: () => void) => () => void;

export interface ChatServerOptions {
  /** Messages kept per room and sent to a joiner: an integer from 0 to 1,000. Default 50. */
  historySize?: number;
  /** The longest text a say may carry, in characters (text.length): 1 to 10,000. Default 2,000 (Discord's limit). */
  maxTextLength?: number;
  /**
   * Bytes a connection may have queued but not yet sent (socket.bufferedAmount) before a frame
   * to it is refused and it is dropped as too slow: an integer of at least 1,024. Default 1 MiB.
   */
  maxBufferedBytes?: number;
  /** When heartbeat rounds happen. Default: every 30 s (heartbeatEvery(30_000)). */
  heartbeat?: HeartbeatTimer;
}

export const DEFAULT_HISTORY_SIZE = 50;
export const MAX_HISTORY_SIZE = 1_000;
export const DEFAULT_MAX_TEXT_LENGTH = 2_000;
export const MAX_TEXT_LENGTH_LIMIT = 10_000;
export const DEFAULT_MAX_BUFFERED_BYTES = 1_048_576;
export const MIN_MAX_BUFFERED_BYTES = 1_024;
export const DEFAULT_HEARTBEAT_MS = 30_000;

/** A heartbeat on a real interval of `ms`; its timer never keeps the process alive on its own. */
export function heartbeatEvery(ms: number): HeartbeatTimer {
  return (tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  };
}
