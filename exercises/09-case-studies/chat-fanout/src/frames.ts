/**
 * The wire protocol: JSON text frames, one object each. Given code: use it as it is.
 *
 * A client joins rooms, says things in them, leaves them, and asks who is in one. The server
 * answers the client that asked, and tells the other members of the room what happened.
 */

/** Room names: 1 to 100 characters (Discord's channel-name limit). */
export const MAX_ROOM_LENGTH = 100;
/** Member names: 1 to 32 characters (Discord's username limit). */
export const MAX_NAME_LENGTH = 32;
/**
 * The largest frame the server reads, in bytes. ws itself refuses a bigger one and closes the
 * connection with 1009 (Message Too Big) before any of your code sees it; it also caps what a
 * client can make the server buffer for one frame (ws's own default is 100 MiB).
 */
export const MAX_FRAME_BYTES = 65_536;
/**
 * The close code for a client dropped because it reads too slowly: 1013, "Try Again Later". A
 * client that gets it reconnects and joins again with `after`, losing nothing.
 */
export const CLOSE_TOO_SLOW = 1013;

// ---- client to server -------------------------------------------------------------------------

/**
 * Join `room` as `name`. `after` is the last seq the client saw in this room, when it rejoins
 * after a disconnect: the history it gets then holds only later messages.
 */
export interface JoinFrame {
  type: "join";
  room: string;
  name: string;
  after?: number;
}

/** Leave `room`. */
export interface LeaveFrame {
  type: "leave";
  room: string;
}

/** Send `text` to every other member of `room`. */
export interface SayFrame {
  type: "say";
  room: string;
  text: string;
}

/** Ask who is in `room` (any room, joined or not). */
export interface WhoFrame {
  type: "who";
  room: string;
}

export type ClientFrame = JoinFrame | LeaveFrame | SayFrame | WhoFrame;
export const CLIENT_FRAME_TYPES: readonly ClientFrame["type"][] = ["join", "leave", "say", "who"];

// ---- server to client -------------------------------------------------------------------------

/** One chat message, as it is fanned out and as history holds it. `seq` counts 1, 2, 3... per room. */
export interface MessageFrame {
  type: "message";
  room: string;
  seq: number;
  from: string;
  text: string;
}

/** To the joiner: who is in the room now (itself included, in join order) and the recent messages, oldest first. */
export interface JoinedFrame {
  type: "joined";
  room: string;
  name: string;
  members: string[];
  history: MessageFrame[];
}

/** To the one who left. */
export interface LeftFrame {
  type: "left";
  room: string;
}

/** To every other member of `room`: `name` joined or left (a leave, a closed or dropped connection). */
export interface PresenceFrame {
  type: "presence";
  room: string;
  event: "joined" | "left";
  name: string;
}

/** The answer to who: the members of `room` in join order ([] for a room nobody is in). */
export interface MembersFrame {
  type: "members";
  room: string;
  members: string[];
}

/** To the sender of a frame the server could not accept; nothing else changed. */
export interface ErrorFrame {
  type: "error";
  code: string;
  message: string;
}

export type ServerFrame = MessageFrame | JoinedFrame | LeftFrame | PresenceFrame | MembersFrame | ErrorFrame;
