/** What nodes send each other. Given code: use it as it is. */

/** "I am alive": the sender's heartbeats are numbered 1, 2, 3... in the order it sends them. */
export interface Heartbeat {
  type: "heartbeat";
  seq: number;
}

export function isHeartbeat(message: unknown): message is Heartbeat {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === "heartbeat" &&
    Number.isSafeInteger((message as { seq?: unknown }).seq)
  );
}
