/** What nodes send each other. Given code: use it as it is. */

/**
 * "I am alive". A node's heartbeats are numbered 1, 2, 3... in the order it sends them, within an
 * incarnation: each time the node starts (a restart included) its incarnation is one more than
 * the last, kept in stable storage, and its seq starts again at 1.
 */
export interface Heartbeat {
  type: "heartbeat";
  incarnation: number;
  seq: number;
}

export function isHeartbeat(message: unknown): message is Heartbeat {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === "heartbeat" &&
    Number.isSafeInteger((message as { incarnation?: unknown }).incarnation) &&
    Number.isSafeInteger((message as { seq?: unknown }).seq)
  );
}
