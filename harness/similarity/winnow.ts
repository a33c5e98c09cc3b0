/**
 * Winnowing (Schleimer, Wilkerson and Aiken, 2003; the algorithm behind MOSS): hash every run of
 * k tokens, then keep the smallest hash of every window of w consecutive hashes. Any stretch of at
 * least w + k - 1 tokens that two submissions share yields at least one fingerprint in both, and
 * the number of fingerprints stays proportional to the code's length, not its square.
 */
export interface Fingerprint {
  hash: number;
  /** Index of the first token of the k-gram. */
  at: number;
}

/** Tokens per k-gram: about two lines of code. Shorter runs are everywhere in any code. */
export const K = 14;
/** Window: a shared run of K + W - 1 = 23 tokens or more is always caught. */
export const W = 10;

export function fingerprints(codes: readonly string[], k = K, w = W): Fingerprint[] {
  const hashes: number[] = [];
  for (let i = 0; i + k <= codes.length; i++) hashes.push(hashRun(codes, i, k));
  const chosen: Fingerprint[] = [];
  let last = -1;
  for (let start = 0; start + w <= Math.max(hashes.length, w); start++) {
    const end = Math.min(start + w, hashes.length);
    if (end <= start) break;
    let best = start;
    // The rightmost minimum: a window that slides keeps its choice while it stays inside.
    for (let i = start; i < end; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
    if (best !== last) {
      chosen.push({ hash: hashes[best] as number, at: best });
      last = best;
    }
    if (end === hashes.length) break;
  }
  return chosen;
}

/** FNV-1a over the run's token codes. */
function hashRun(codes: readonly string[], from: number, k: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + k; i++) {
    const code = codes[i] as string;
    for (let c = 0; c < code.length; c++) h = Math.imul(h ^ code.charCodeAt(c), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193); // a separator, so "1","23" differs from "12","3"
  }
  return h >>> 0;
}
