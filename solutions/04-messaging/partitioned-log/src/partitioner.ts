import { murmur2 } from "./murmur2";

/**
 * The partition of a keyed record, as Kafka's Java producer picks it: murmur2 of the key's UTF-8
 * bytes, the sign bit masked off (Kafka's `toPositive`), modulo the partition count.
 */
export function partitionForKey(key: string, partitions: number): number {
  return (murmur2(key) & 0x7fffffff) % partitions;
}
