import { CodedError } from "#kata";

/**
 * The errors of the chat server. Given code: use it, no need to change it.
 *
 * parseClientFrame throws them for a frame it cannot accept, and the server turns each into an
 * error frame, `{ "type": "error", "code", "message" }`, on the connection that sent it, which
 * stays open. createChatFanoutServer throws INVALID_OPTIONS itself, before anything listens.
 */
export type ChatErrorCode =
  | "NOT_JSON" // a binary frame, or text that JSON.parse refuses
  | "INVALID_FRAME" // JSON, but not an object, or a field missing or of the wrong type (the message names it)
  | "UNKNOWN_TYPE" // `type` missing or not one of join, leave, say, who
  | "TEXT_TOO_LONG" // a say whose text is longer than maxTextLength
  | "NOT_A_MEMBER" // say or leave in a room this connection has not joined
  | "ALREADY_JOINED" // join for a room this connection is already in
  | "NAME_TAKEN" // join as a name another connection holds in that room
  | "INVALID_OPTIONS"; // createChatFanoutServer's options out of range

export class ChatError extends CodedError<ChatErrorCode> {
  override readonly name = "ChatError";
}
