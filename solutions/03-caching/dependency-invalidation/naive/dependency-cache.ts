/**
 * The naive dependency cache: it keeps each entry's list of entities but never consults an
 * entity -> keys index. Invalidating an entity scans every entry: O(entries) per event, where the
 * reference's reverse index costs O(dependents). Correct and leak-free, and slow once the cache
 * holds tens of thousands of entries and events arrive steadily.
 */
import { DependencyCache as ReferenceDependencyCache, checkEntity } from "../src/dependency-cache";

export class DependencyCache<V> extends ReferenceDependencyCache<V> {
  override invalidateEntity(entity: string): string[] {
    const dropped = this.dependentsOf(entity);
    for (const key of dropped) this.delete(key);
    return dropped;
  }

  override dependentsOf(entity: string): string[] {
    checkEntity(entity);
    return [...this.entitiesOf].filter(([, entities]) => entities.has(entity)).map(([key]) => key).sort();
  }
}
