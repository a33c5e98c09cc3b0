/**
 * Seeded request streams with realistic popularity: a few keys are hot, most are cold. Zipf's law
 * (the k-th most popular key is asked for in proportion to 1 / k^s) fits web and cache traffic
 * well, with s near 1.
 */
import { Prng } from "../sim/prng";

/**
 * `length` key indexes in [0, keyspace), drawn from a Zipf distribution with exponent `s`; index 0
 * is the hottest. The same arguments always give the same sequence.
 */
export function zipfIndexes(length: number, keyspace: number, s: number, seed: number): Uint32Array {
  const cdf = new Float64Array(keyspace);
  let total = 0;
  for (let k = 0; k < keyspace; k++) cdf[k] = total += 1 / (k + 1) ** s;
  const random = new Prng(seed);
  const out = new Uint32Array(length);
  for (let i = 0; i < length; i++) {
    const target = random.next() * total;
    let lo = 0;
    let hi = keyspace - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}

/** The same stream as strings such as "item:42", built once so a benchmark times the cache, not string building. */
export function zipfKeys(length: number, keyspace: number, s: number, seed: number, prefix = "item:"): string[] {
  const names = Array.from({ length: keyspace }, (_, k) => `${prefix}${k}`);
  return Array.from(zipfIndexes(length, keyspace, s, seed), (k) => names[k] as string);
}
