/**
 * murmur2: the hash Kafka's Java producer puts every keyed record through (given code). The
 * function is Austin Appleby's MurmurHash2, 32 bits, with the seed 0x9747b28c that Kafka's
 * `Utils.murmur2` uses, over the key's UTF-8 bytes. It returns a SIGNED 32-bit integer, as Java's
 * `int` is, so about half of all keys hash to a negative number: see partitioner.ts for what
 * Kafka does about the sign.
 *
 * The same key hashes the same on every call, in every process, on every machine, which is what
 * lets two producers (even in two languages) agree on where a key's records go.
 *
 * @example
 * murmur2("21") === -973932308 // one of the values in Kafka's own tests (UtilsTest.testMurmur2)
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;
const imul = Math.imul;
const utf8 = new TextEncoder();
let scratch = new Uint8Array(256);

/** The key's UTF-8 bytes, in a reused buffer: the first `length` bytes of the array returned. */
function utf8Bytes(text: string): { bytes: Uint8Array; length: number } {
  // A UTF-16 code unit becomes at most 3 UTF-8 bytes (a surrogate pair, 2 units, becomes 4).
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const { written } = utf8.encodeInto(text, scratch);
  return { bytes: scratch, length: written };
}

export function murmur2(text: string): number {
  const { bytes, length } = utf8Bytes(text);
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    k = imul(k, M);
    k ^= k >>> R;
    k = imul(k, M);
    h = imul(h, M) ^ k;
  }
  const rest = length & 3;
  if (rest === 3) h ^= (bytes[whole + 2] as number) << 16;
  if (rest >= 2) h ^= (bytes[whole + 1] as number) << 8;
  if (rest >= 1) h = imul(h ^ (bytes[whole] as number), M);
  h ^= h >>> 13;
  h = imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}
