import { notImplemented } from "#kata";

/**
 * Hashes text to an unsigned 32-bit integer (0 to 2^32 - 1). A hash partitioner must give a key
 * the same partition on every run, in every process, on every machine, so the hash is spelled
 * out here to the bit, and the tests check its values. (The next exercise, consistent-hashing,
 * uses the very same function.)
 *
 * 1. FNV-1a over the UTF-8 bytes of `text`: start from 0x811c9dc5; for each byte,
 *    `h = (h XOR byte) * 0x01000193`, kept to 32 bits.
 * 2. Finish with murmur3's fmix32:
 *    `h ^= h >>> 16; h *= 0x85ebca6b; h ^= h >>> 13; h *= 0xc2b2ae35; h ^= h >>> 16`.
 *
 * JavaScript traps: `a * b` on two 32-bit numbers is a float and loses the low bits, so use
 * `Math.imul(a, b)`; and `Math.imul`, `^` and `|` give a SIGNED 32-bit result. Read the final
 * value as unsigned with `h >>> 0`, or `hash % n` is negative for half of all keys.
 *
 * @example
 * hash32("hello") === 0x888d766e // 2290972270
 * hash32("café")  === 0xdf518d52 // "é" is two UTF-8 bytes, 0xc3 0xa9
 */
export function hash32(text: string): number {
  return notImplemented(`hash32(${JSON.stringify(text)})`);
}
