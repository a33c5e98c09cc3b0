/**
 * The mistake: the hash is left as Math.imul returns it, a SIGNED 32-bit integer (no `>>> 0` at
 * the end). Half of all keys hash negative, and JavaScript's % keeps the sign of the dividend, so
 * `hash % n` gives partitions -n + 1 .. -1 (or -0) for them: partitions that do not exist. It is
 * the bug of every `hashCode() % n` ported from Java without Math.abs or a mask.
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

export function hash32(text: string): number {
  let h = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(text)) h = Math.imul(h ^ byte, FNV_PRIME);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
