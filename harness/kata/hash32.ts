/**
 * hash32: FNV-1a over the UTF-8 bytes of the text, finished with murmur3's fmix32, imported as
 * `#kata/hash32` by exercises that need a stable hash as a part rather than as the lesson (a load
 * balancer's hash ring). It is the function the partitioners and consistent-hashing exercises have
 * the learner build, finished: an unsigned 32-bit integer, the same on every machine and every run.
 *
 * @example
 * hash32("hello") === 0x888d766e // 2290972270
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();
// Read once: under jest every mention of the global `Math` is a slow lookup (about 60 times a local
// one), and a ring hashes every key on every lookup.
const imul = Math.imul;

export function hash32(text: string): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return fmix32(fnv1aBytes(utf8.encode(text))); // not ASCII: hash the UTF-8 bytes
    h = imul(h ^ code, FNV_PRIME);
  }
  return fmix32(h);
}

function fnv1aBytes(bytes: Uint8Array): number {
  let h = FNV_OFFSET_BASIS;
  for (const byte of bytes) h = imul(h ^ byte, FNV_PRIME);
  return h;
}

/** murmur3's 32-bit finaliser; `>>> 0` reads the result as an unsigned 32-bit integer. */
function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
