import type { Server } from "node:http";
import { notImplemented } from "#kata";
import type { ChatServerOptions } from "./options";
// What the finished server is built from: createServer (node:http) and WebSocketServer (ws), with
// maxPayload MAX_FRAME_BYTES; parseClientFrame (./parse-frame) for every text frame; ChatError
// (./errors) for options out of range, and to turn a refused frame into an error frame.

export * from "./frames";
export * from "./options";
export { parseClientFrame } from "./parse-frame";

/**
 * A chat server: an http server, not yet listening, with a ws WebSocketServer attached whose
 * clients speak the protocol of ./frames. Plain HTTP requests get 426 Upgrade Required.
 *
 * - join: the joiner gets `joined` (members in join order, itself included; the kept history
 *   with seq > `after`, all of it without `after` or when `after` is beyond the room's last seq);
 *   every other member gets a `presence` joined notice. A name is held by one connection per
 *   room; a connection may be in many rooms, with a name in each. Rooms outlive their members.
 * - say: a `message` with the room's next seq (1, 2, 3...) to every member but the sender, in the
 *   same order for all, and into the room's history (the last historySize messages).
 * - leave: `left` to the leaver, a presence left notice to the others. who: `members`.
 * - A connection that closes, however it closes, leaves every room it was in, with notices.
 * - Heartbeat: on each round of options.heartbeat, a connection that has not answered the
 *   previous round's ping is cut (terminate) and leaves its rooms; every other one is pinged. A
 *   connection not pinged yet counts as having answered.
 * - Backpressure: a fan-out never waits for a member (no await per send, no queue that moves at
 *   the slowest reader's pace). A frame that would take a connection's socket.bufferedAmount past
 *   maxBufferedBytes is not sent; the connection leaves its rooms at once (after the frame being
 *   fanned out has gone to everyone else) and is closed with CLOSE_TOO_SLOW and a reason that
 *   says it was too slow. From then on nothing is sent to it or read from it. The bound holds
 *   for every frame, a joined frame too: a joiner dropped by its own joined frame is not announced.
 * - A frame parseClientFrame refuses, or one the state refuses (NOT_A_MEMBER, ALREADY_JOINED,
 *   NAME_TAKEN), gets an `error` frame to its sender and changes nothing; the connection stays.
 * - Answer each frame while reading it (no await before the answer): tests check with a ping.
 * - When the http server closes, stop the heartbeat (call what options.heartbeat returned).
 *
 * @throws ChatError INVALID_OPTIONS for an option out of the range ./options gives, or a
 *   heartbeat that is not a function.
 */
export function createChatFanoutServer(options: ChatServerOptions = {}): Server {
  return notImplemented(`createChatFanoutServer(${JSON.stringify(options)})`);
}
