import { AuthError } from "./errors";

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** JSON as one base64url segment, without padding (RFC 7515 section 2). */
export function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/**
 * The bytes of a base64url segment. Buffer.from(text, "base64url") skips characters it does not
 * know, so the alphabet and the length are checked first: a token with "+", "/", "=" or a length
 * that no byte string encodes to is malformed, not quietly decoded to something else.
 */
export function decodeSegment(segment: string, what: string): Buffer {
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) {
    throw new AuthError(
      "TOKEN_MALFORMED",
      `the token's ${what} is not base64url without padding (only A-Z a-z 0-9 - _ are allowed): ${JSON.stringify(segment.slice(0, 40))}`,
    );
  }
  return Buffer.from(segment, "base64url");
}

/** A segment that must decode to a JSON object (the header, the payload). */
export function decodeJsonObject(segment: string, what: string): Record<string, unknown> {
  const text = decodeSegment(segment, what).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AuthError("TOKEN_MALFORMED", `the token's ${what} is not JSON: ${JSON.stringify(text.slice(0, 40))}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AuthError(
      "TOKEN_MALFORMED",
      `the token's ${what} must be a JSON object, got ${Array.isArray(value) ? "an array" : JSON.stringify(value)}`,
    );
  }
  return value as Record<string, unknown>;
}
