/**
 * The mistake: a hash salted per process, as Python's built-in hash() of a str is (PYTHONHASHSEED,
 * since Python 3.3) and as many hash-table hashes are to resist flooding. Within one process every
 * key keeps its partition; after a restart, or on the next machine, almost every key has another
 * one, and a router no longer finds what a writer stored.
 */
import { fmix32 } from "../../src/hash";

const SALT = Math.floor(Math.random() * 0x100000000);
const utf8 = new TextEncoder();

export function hash32(text: string): number {
  let h = 0x811c9dc5 ^ SALT;
  for (const byte of utf8.encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return fmix32(h);
}
