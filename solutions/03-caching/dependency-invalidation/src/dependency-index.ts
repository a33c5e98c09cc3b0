import { SetMap } from "./set-map";

/**
 * Which cache keys depend on which entities, in both directions: key -> entities it depends on,
 * and entity -> keys that depend on it (the reverse index, which makes an invalidation cost
 * O(dependents) instead of a scan of every entry). Every change goes through `link` and `unlink`,
 * which touch both directions, so the two are always inverses of each other.
 */
export class DependencyIndex {
  private readonly entitiesByKey = new SetMap<string, string>();
  private readonly keysByEntity = new SetMap<string, string>();

  link(key: string, entity: string): void {
    this.entitiesByKey.add(key, entity);
    this.keysByEntity.add(entity, key);
  }

  unlink(key: string, entity: string): void {
    this.entitiesByKey.remove(key, entity);
    this.keysByEntity.remove(entity, key);
  }

  /** The entities `key` depends on, as an array of its own. */
  entitiesOf(key: string): string[] {
    return this.entitiesByKey.members(key);
  }

  /** The keys that depend on `entity`, as an array of its own (the caller may drop them as it walks it). */
  dependentsOf(entity: string): string[] {
    return this.keysByEntity.members(entity);
  }

  /**
   * Makes `key` depend on exactly `entities`: first the entities no longer listed are unlinked,
   * then the new list is linked (linking is idempotent). A link both lists share is never
   * removed; an empty list unlinks everything.
   */
  replace(key: string, entities: ReadonlySet<string>): void {
    for (const entity of this.entitiesOf(key)) if (!entities.has(entity)) this.unlink(key, entity);
    for (const entity of entities) this.link(key, entity);
  }

  /** Removes every link of `key`: it was deleted or invalidated. */
  forget(key: string): void {
    for (const entity of this.entitiesOf(key)) this.unlink(key, entity);
  }

  /** Entities with dependents, and key-entity links in all. */
  size(): { entities: number; links: number } {
    let links = 0;
    for (const keys of this.keysByEntity.values()) links += keys.size;
    return { entities: this.keysByEntity.size, links };
  }
}
