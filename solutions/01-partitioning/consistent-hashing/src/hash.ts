/**
 * hash32: FNV-1a over the UTF-8 bytes of the text, finished with murmur3's fmix32.
 *
 * FNV-1a alone is fast but its high bits mix poorly for short, similar strings ("node-1#0",
 * "node-1#1", ...), which is exactly what vnode labels are: the busiest node ends up ~1.6x the
 * mean. The fmix32 avalanche spreads every input bit over the whole word for a few more
 * multiplications.
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();
// Read once: a global lookup per multiplication costs tens of times the multiplication itself
// where globals are slow to reach (jest runs each test file in its own vm context).
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

/** murmur3's 32-bit finaliser; `>>> 0` keeps the result an unsigned 32-bit integer. */
export function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
