/**
 * A map from a name to a set of names that never holds an empty set: `remove` deletes a set with
 * its last member. Both directions of the dependency index are one, so a key with no dependencies
 * and an entity with no dependents are simply absent, and the map's size is the true count.
 */
export class SetMap<K, V> extends Map<K, Set<V>> {
  /** Adds `value` to `key`'s set, creating the set on first use. */
  add(key: K, value: V): void {
    const values = this.get(key);
    if (values === undefined) this.set(key, new Set([value]));
    else values.add(value);
  }

  /** Removes `value` from `key`'s set, and the set itself once it is empty. */
  remove(key: K, value: V): void {
    const values = this.get(key);
    if (values === undefined) return;
    values.delete(value);
    if (values.size === 0) this.delete(key);
  }

  /** `key`'s members as an array of their own, which the caller may walk while the set changes. */
  members(key: K): V[] {
    return [...(this.get(key) ?? [])];
  }
}
