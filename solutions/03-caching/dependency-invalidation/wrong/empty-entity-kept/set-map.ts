/**
 * Wrong design: removing a member leaves its set in the map even when it was the last one
 * (`keysOf.get(entity)?.delete(key)` and nothing more). An entity whose last dependent was
 * deleted, invalidated or set again elsewhere keeps an empty set for good: the index grows with
 * every entity ever mentioned.
 */
import { SetMap as ReferenceSetMap } from "../../src/set-map";

export class SetMap<K, V> extends ReferenceSetMap<K, V> {
  override remove(key: K, value: V): void {
    this.get(key)?.delete(value);
  }
}
