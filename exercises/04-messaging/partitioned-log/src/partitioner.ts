import { notImplemented } from "#kata";
import { murmur2 } from "./murmur2";
// murmur2 is what Kafka's partitioner is built from.

/**
 * The partition a keyed record goes to, exactly as Kafka's Java producer picks it:
 *
 *   toPositive(murmur2(key)) % partitions,  where toPositive(h) = h & 0x7fffffff
 *
 * murmur2 returns a signed 32-bit integer, negative for about half of all keys. Kafka clears the
 * sign bit rather than taking the absolute value: the two differ for every negative hash, and
 * only the first lands a key where the Java client, Kafka Streams and every Java-compatible client
 * put it. (Java's Math.abs has a trap of its own: Math.abs(-2^31) is still negative.)
 *
 * A pure function of the key and the count: the same key gets the same partition on every call,
 * so its records stay in one partition, in order. It depends on the count, though: a topic grown
 * from 4 to 6 partitions sends about two keys in three somewhere else from then on.
 */
export function partitionForKey(key: string, partitions: number): number {
  return notImplemented(`partitionForKey(${JSON.stringify(key)}, ${partitions})`);
}
