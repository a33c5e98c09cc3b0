import type WebSocket from "ws";

/** What the server keeps per WebSocket connection. */
export interface Connection {
  readonly socket: WebSocket;
  /** The rooms this connection is in, each with the name it holds there, in join order. */
  readonly rooms: Map<string, string>;
  /** Answered the last heartbeat ping (or has not been pinged yet). */
  alive: boolean;
  /** False once closed or dropped: from then on nothing is read from it or sent to it. */
  open: boolean;
}
