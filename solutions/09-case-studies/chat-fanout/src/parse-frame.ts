import { ChatError } from "./errors";
import { CLIENT_FRAME_TYPES, MAX_NAME_LENGTH, MAX_ROOM_LENGTH, type ClientFrame } from "./frames";
import { DEFAULT_MAX_TEXT_LENGTH } from "./options";

const EXAMPLE = '{"type":"say","room":"general","text":"hi"}';

/** A value as a reader of an error message wants to see it: its JSON, cut short. */
function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value).slice(0, 40);
  return Array.isArray(value) ? `an array, ${json}` : json;
}

/** A required string field of 1 to `max` characters. */
function boundedString(frame: Record<string, unknown>, field: string, max: number): string {
  const value = frame[field];
  if (typeof value !== "string" || value.length === 0 || value.length > max)
    throw new ChatError(
      "INVALID_FRAME",
      value === undefined
        ? `the ${String(frame.type)} frame has no ${field}: add "${field}", a string of 1 to ${max} characters`
        : `${field} must be a string of 1 to ${max} characters, got ${typeof value === "string" ? `${value.length} characters` : shown(value)}`,
    );
  return value;
}

/**
 * Reads one text frame from a client. Every refusal is a ChatError whose message says what was
 * wrong and what to send instead; the server answers it with an error frame and reads on.
 */
export function parseClientFrame(text: string, maxTextLength = DEFAULT_MAX_TEXT_LENGTH): ClientFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ChatError(
      "NOT_JSON",
      `the frame is not JSON (${(error as Error).message}): send one JSON object per text frame, such as ${EXAMPLE}`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ChatError("INVALID_FRAME", `a frame must be a JSON object such as ${EXAMPLE}, got ${shown(value)}`);
  const frame = value as Record<string, unknown>;
  const type = CLIENT_FRAME_TYPES.find((known) => known === frame.type);
  if (type === undefined)
    throw new ChatError(
      "UNKNOWN_TYPE",
      `${frame.type === undefined ? "the frame has no type" : `unknown type ${shown(frame.type)}`}: use one of ${CLIENT_FRAME_TYPES.join(", ")}`,
    );
  const room = boundedString(frame, "room", MAX_ROOM_LENGTH);
  switch (type) {
    case "join": {
      const name = boundedString(frame, "name", MAX_NAME_LENGTH);
      const after = frame.after;
      if (after === undefined) return { type, room, name };
      if (typeof after !== "number" || !Number.isSafeInteger(after) || after < 0)
        throw new ChatError(
          "INVALID_FRAME",
          `after must be the last seq this client saw in ${room}, an integer of 0 or more, got ${shown(after)}`,
        );
      return { type, room, name, after };
    }
    case "say": {
      const said = frame.text;
      if (typeof said !== "string" || said.length === 0)
        throw new ChatError("INVALID_FRAME", `a say needs text, a non-empty string, got ${shown(said)}`);
      if (said.length > maxTextLength)
        throw new ChatError(
          "TEXT_TOO_LONG",
          `text is ${said.length} characters, over the limit of ${maxTextLength}: send it in parts`,
        );
      return { type, room, text: said };
    }
    default:
      return { type, room };
  }
}
