/**
 * hash32: FNV-1a over the UTF-8 bytes of the text, finished with murmur3's fmix32 (given code: the
 * function the consistent-hashing exercise builds, finished, shared by the workbook as
 * `#kata/hash32`). An unsigned 32-bit integer, the same on every machine and every run, so a
 * placement built on it is too.
 *
 * @example
 * hash32("hello") === 0x888d766e // 2290972270
 */
export { hash32 } from "#kata/hash32";
