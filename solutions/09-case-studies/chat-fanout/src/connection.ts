import type WebSocket from "ws";
import type { Room } from "./room";

/** A connection's place in one room: the room, and the name it holds there. */
export interface Membership {
  readonly room: Room;
  readonly name: string;
}

/** What the server keeps per WebSocket connection. */
export interface Connection {
  readonly socket: WebSocket;
  /** The rooms this connection is in, by room name, in join order. */
  readonly rooms: Map<string, Membership>;
  /** Answered the last heartbeat ping (or has not been pinged yet). */
  alive: boolean;
  /** False once closed or dropped: from then on nothing is read from it or sent to it. */
  open: boolean;
}
