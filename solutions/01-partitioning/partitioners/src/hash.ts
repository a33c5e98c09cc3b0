/**
 * hash32: FNV-1a over the UTF-8 bytes of the text, finished with murmur3's fmix32, read as an
 * unsigned 32-bit integer. A stable, documented function: the same key gets the same partition in
 * every process and on every machine, which a per-process salted hash (Python's hash(), a seed
 * drawn at start-up) does not give.
 *
 * FNV-1a alone mixes its high bits poorly on short, similar keys; fmix32 spreads every input bit
 * over the whole word. ASCII text is hashed straight from its char codes (they are its UTF-8
 * bytes); anything else goes through a TextEncoder.
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();
/**
 * Math.imul, read once: code run inside a vm context (jest's test environment) pays for every
 * global lookup, and one lookup per byte made hashing in the tests several times slower.
 */
const imul = Math.imul;

export function hash32(text: string): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return fmix32(fnv1aBytes(utf8.encode(text)));
    h = imul(h ^ code, FNV_PRIME);
  }
  return fmix32(h);
}

function fnv1aBytes(bytes: Uint8Array): number {
  let h = FNV_OFFSET_BASIS;
  for (const byte of bytes) h = imul(h ^ byte, FNV_PRIME);
  return h;
}

/** murmur3's 32-bit finaliser; `>>> 0` reads the result as unsigned (Math.imul's is signed). */
export function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
