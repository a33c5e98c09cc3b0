import { timingSafeEqual } from "node:crypto";

/**
 * Whether the given signature bytes are the expected MAC, in time that does not depend on where
 * they first differ. timingSafeEqual throws on buffers of different lengths, so the length is
 * checked first (a length is not secret: every HS256 MAC is 32 bytes).
 */
export function signaturesMatch(expected: Buffer, given: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}
