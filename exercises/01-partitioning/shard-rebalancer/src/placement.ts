import { notImplemented } from "#kata";
import { hash32 } from "./hash";
// hash32 is what a rendezvous placement is built from.

/**
 * The shard that owns `key` among `shards`: the placement that every read, every write and every
 * migration plan follows. `shards` is never empty and holds no duplicates; the cluster checks that.
 *
 * What the tests ask of it:
 * - it returns one of `shards`;
 * - it is a function of the key and the SET of shards: the same answer on every call, on every
 *   machine, whatever order the shards are listed in;
 * - it spreads keys evenly (every shard within about 40% of the mean).
 *
 * What the bench scores is how many keys change owner when a shard joins or leaves, since every
 * key whose owner changes has to be moved. `hash32(key) % shards.length` passes every test, and
 * moves about N/(N+1) of all keys when an N-th shard joins. Rendezvous (highest-random-weight)
 * hashing moves only what has to move:
 *
 *   each shard scores the key: score(shard) = hash32(`${shard}:${key}`);
 *   the owner is the shard with the highest score (on a tie, the smaller shard id).
 *
 * A new shard takes exactly the keys it now outscores everyone on (about 1/(N+1) of them, from
 * every other shard), and a leaving shard's keys go to their runner-up; no other key moves. The
 * consistent-hash ring of the previous exercise has the same property; rendezvous needs no ring, at
 * the cost of N hashes per lookup, which is cheap for the tens of shards a database has.
 */
export function ownerOf(key: string, shards: readonly string[]): string {
  return notImplemented(`ownerOf(${JSON.stringify(key)}, ${JSON.stringify(shards)})`);
}
