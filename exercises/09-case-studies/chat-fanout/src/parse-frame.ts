import { notImplemented } from "#kata";
import type { ClientFrame } from "./frames";
import { DEFAULT_MAX_TEXT_LENGTH } from "./options";
// ChatError (./errors) is what every refusal here throws; CLIENT_FRAME_TYPES, MAX_ROOM_LENGTH and
// MAX_NAME_LENGTH (./frames) are the limits to check.

/**
 * Reads one text frame from a client into a ClientFrame, keeping only the fields the protocol
 * defines (a `from` a client made up is not kept: the server knows who sent a frame).
 *
 * @throws ChatError, with a message that says what was wrong and what to send instead:
 *   - NOT_JSON: text that JSON.parse refuses;
 *   - INVALID_FRAME: not a JSON object (an array, a number, null); room missing, not a string,
 *     empty or over MAX_ROOM_LENGTH; for a join, name missing, not a string, empty or over
 *     MAX_NAME_LENGTH, or an `after` that is not an integer of 0 or more; for a say, text missing,
 *     not a string, or empty. The message names the field;
 *   - UNKNOWN_TYPE: `type` missing or not one of join, leave, say, who (checked before the fields);
 *   - TEXT_TOO_LONG: a say whose text.length is over maxTextLength (exactly maxTextLength is fine).
 */
export function parseClientFrame(text: string, maxTextLength: number = DEFAULT_MAX_TEXT_LENGTH): ClientFrame {
  return notImplemented(`parseClientFrame(${JSON.stringify(text.slice(0, 60))}, ${maxTextLength})`);
}
