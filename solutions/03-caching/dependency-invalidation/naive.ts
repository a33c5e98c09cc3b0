/**
 * The naive dependency cache: each entry keeps its list of entities, and nothing maps an entity to
 * its dependents. Invalidating an entity scans every entry: O(entries) per event, where the
 * reference's reverse index costs O(dependents). Correct, leak-free, and slow once the cache holds
 * tens of thousands of entries and events arrive steadily.
 */
import type { EntityEvent, EntityEventSource } from "../../../exercises/03-caching/dependency-invalidation/src/events";
import { checkEntity, checkKey } from "./dependency-cache";

interface Entry<V> {
  value: V;
  entities: string[];
}

export class DependencyCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly unsubscribe: Array<() => void>;

  constructor(events: EntityEventSource) {
    this.unsubscribe = [
      events.subscribe("entity.updated", (event) => this.onEvent(event)),
      events.subscribe("entity.deleted", (event) => this.onEvent(event)),
    ];
  }

  get size(): number {
    return this.entries.size;
  }

  set(key: string, value: V, dependsOn: readonly string[] = []): void {
    checkKey(key);
    for (const entity of dependsOn) checkEntity(entity);
    this.entries.set(key, { value, entities: [...new Set(dependsOn)] });
  }

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  invalidateEntity(entity: string): string[] {
    checkEntity(entity);
    const dropped = [...this.entries].filter(([, e]) => e.entities.includes(entity)).map(([key]) => key);
    for (const key of dropped) this.entries.delete(key);
    return dropped.sort();
  }

  dependentsOf(entity: string): string[] {
    return [...this.entries].filter(([, e]) => e.entities.includes(entity)).map(([key]) => key).sort();
  }

  indexSize(): { entities: number; links: number } {
    const entities = new Set<string>();
    let links = 0;
    for (const entry of this.entries.values()) {
      for (const entity of entry.entities) entities.add(entity);
      links += entry.entities.length;
    }
    return { entities: entities.size, links };
  }

  close(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
  }

  private onEvent(event: EntityEvent): void {
    if (typeof event?.entity !== "string" || event.entity === "") return;
    this.invalidateEntity(event.entity);
  }
}
