import { notImplemented } from "#kata";
import type { EntityEventSource } from "./events";
// DependencyCacheError (./errors) is what invalid keys and entity ids throw.

/**
 * A cache whose entries depend on entities. `set("profile:123", html, ["user:123", "team:7"])`
 * caches a rendered profile that must be dropped as soon as user 123 or team 7 changes. The cache
 * subscribes to "entity.updated" and "entity.deleted" events on the bus it is given; each event
 * drops every entry that depends on its entity.
 *
 * The dependency index must stay exact: after any sequence of sets, deletes and invalidations it
 * holds exactly the links of the entries still cached, no more (the tests check its size after
 * churn: an index that only grows is a memory leak). Invalidating an entity costs O(its
 * dependents), not O(cache size).
 */
export class DependencyCache<V> {
  /** Subscribes to the bus's "entity.updated" and "entity.deleted" events. */
  constructor(events: EntityEventSource) {
    notImplemented("new DependencyCache()");
  }

  get size(): number {
    return notImplemented("DependencyCache.size");
  }

  /**
   * Stores `value` under `key`, depending on exactly `dependsOn`: a key set again forgets its earlier
   * dependencies. Duplicates in `dependsOn` count once.
   * @throws DependencyCacheError INVALID_KEY for an empty or non-string key; INVALID_ENTITY for an
   *   empty or non-string entity. Either way nothing changes.
   */
  set(key: string, value: V, dependsOn: readonly string[] = []): void {
    notImplemented(`DependencyCache.set(${JSON.stringify(key)}, ..., ${JSON.stringify(dependsOn)})`);
  }

  get(key: string): V | undefined {
    return notImplemented(`DependencyCache.get(${JSON.stringify(key)})`);
  }

  has(key: string): boolean {
    return notImplemented(`DependencyCache.has(${JSON.stringify(key)})`);
  }

  /** Removes `key` and its links; true if it was cached. */
  delete(key: string): boolean {
    return notImplemented(`DependencyCache.delete(${JSON.stringify(key)})`);
  }

  /**
   * Drops every entry that depends on `entity` and returns their keys, sorted. The events call it;
   * so can you. @throws DependencyCacheError INVALID_ENTITY for an empty or non-string entity.
   */
  invalidateEntity(entity: string): string[] {
    return notImplemented(`DependencyCache.invalidateEntity(${JSON.stringify(entity)})`);
  }

  /** The keys that depend on `entity`, sorted. */
  dependentsOf(entity: string): string[] {
    return notImplemented(`DependencyCache.dependentsOf(${JSON.stringify(entity)})`);
  }

  /** The index's size: entities that have dependents, and key-entity links in all. */
  indexSize(): { entities: number; links: number } {
    return notImplemented("DependencyCache.indexSize");
  }

  /** Unsubscribes from the bus. Direct calls keep working. */
  close(): void {
    notImplemented("DependencyCache.close");
  }
}
