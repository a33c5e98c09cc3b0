/**
 * The naive dependency index: one direction only, key -> entities it depends on, and no reverse
 * index. Finding an entity's dependents scans every key's set: O(entries) per event, where the
 * reference's reverse index costs O(dependents). Correct and leak-free, and slow once the cache
 * holds tens of thousands of entries and events arrive steadily: at 50,000 entries each event
 * looks at all of them to find about five.
 */
import { SetMap } from "../src/set-map";

export class DependencyIndex {
  private readonly entitiesByKey = new SetMap<string, string>();

  link(key: string, entity: string): void {
    this.entitiesByKey.add(key, entity);
  }

  unlink(key: string, entity: string): void {
    this.entitiesByKey.remove(key, entity);
  }

  entitiesOf(key: string): string[] {
    return this.entitiesByKey.members(key);
  }

  dependentsOf(entity: string): string[] {
    const keys: string[] = [];
    for (const [key, entities] of this.entitiesByKey) if (entities.has(entity)) keys.push(key);
    return keys;
  }

  replace(key: string, entities: ReadonlySet<string>): void {
    this.entitiesByKey.delete(key);
    for (const entity of entities) this.link(key, entity);
  }

  forget(key: string): void {
    this.entitiesByKey.delete(key);
  }

  size(): { entities: number; links: number } {
    const entities = new Set<string>();
    let links = 0;
    for (const linked of this.entitiesByKey.values()) {
      links += linked.size;
      for (const entity of linked) entities.add(entity);
    }
    return { entities: entities.size, links };
  }
}
