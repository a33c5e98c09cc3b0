import { hash32 } from "./hash";

/**
 * Rendezvous (highest-random-weight) hashing: every shard scores the key, hash32(`${shard}:${key}`),
 * and the highest score owns it; on a tie the smaller shard id. The answer depends on the set of
 * shards alone, not their order. A shard that joins takes only the keys it now outscores every
 * other shard on; a shard that leaves hands each of its keys to its runner-up. So exactly the keys
 * that must move change owner: about 1/N of them when an N-th shard joins, and only the leaving
 * shard's keys on a removal. O(N) hashes per lookup.
 */
export function ownerOf(key: string, shards: readonly string[]): string {
  let owner = shards[0] as string;
  let best = hash32(`${owner}:${key}`);
  for (let i = 1; i < shards.length; i++) {
    const shard = shards[i] as string;
    const score = hash32(`${shard}:${key}`);
    if (score > best || (score === best && shard < owner)) {
      owner = shard;
      best = score;
    }
  }
  return owner;
}
