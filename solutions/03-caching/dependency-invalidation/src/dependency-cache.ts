import { DependencyCacheError } from "./errors";
import type { EntityEvent, EntityEventSource } from "./events";

/**
 * A cache whose entries depend on entities ("user:123"), dropped as soon as an event says one of
 * their entities changed. Two indexes, kept exact in both directions: key -> entities it depends
 * on, and entity -> keys that depend on it. Every change of an entry updates both, and an entity
 * with no dependents left is removed, so the index holds what the cache holds and nothing more.
 */
export class DependencyCache<V> {
  protected readonly values = new Map<string, V>();
  protected readonly entitiesOf = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, Set<string>>();
  private readonly unsubscribe: Array<() => void>;

  constructor(events: EntityEventSource) {
    this.unsubscribe = [
      events.subscribe("entity.updated", (event) => this.onEvent(event)),
      events.subscribe("entity.deleted", (event) => this.onEvent(event)),
    ];
  }

  get size(): number {
    return this.values.size;
  }

  /** Stores `value` under `key`, depending on exactly `dependsOn` (earlier dependencies are replaced). */
  set(key: string, value: V, dependsOn: readonly string[] = []): void {
    checkKey(key);
    for (const entity of dependsOn) checkEntity(entity);
    this.unlink(key);
    this.values.set(key, value);
    if (dependsOn.length === 0) return;
    const entities = new Set(dependsOn);
    this.entitiesOf.set(key, entities);
    for (const entity of entities) {
      let keys = this.keysOf.get(entity);
      if (keys === undefined) this.keysOf.set(entity, (keys = new Set()));
      keys.add(key);
    }
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  delete(key: string): boolean {
    this.unlink(key);
    return this.values.delete(key);
  }

  /** Drops every entry that depends on `entity`; returns their keys, sorted. */
  invalidateEntity(entity: string): string[] {
    checkEntity(entity);
    const keys = this.keysOf.get(entity);
    if (keys === undefined) return [];
    const dropped = [...keys].sort(); // a copy: delete() below shrinks `keys` as it goes
    for (const key of dropped) this.delete(key);
    return dropped;
  }

  /** The keys that depend on `entity`, sorted. */
  dependentsOf(entity: string): string[] {
    return [...(this.keysOf.get(entity) ?? [])].sort();
  }

  /** How big the dependency index is: entities with dependents, and key-entity links. */
  indexSize(): { entities: number; links: number } {
    let links = 0;
    for (const keys of this.keysOf.values()) links += keys.size;
    return { entities: this.keysOf.size, links };
  }

  /** Stops listening to the bus; the cache keeps working for direct calls. */
  close(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
  }

  private onEvent(event: EntityEvent): void {
    // Network input: a malformed event is ignored rather than thrown into the bus.
    if (typeof event?.entity !== "string" || event.entity === "") return;
    this.invalidateEntity(event.entity);
  }

  private unlink(key: string): void {
    const entities = this.entitiesOf.get(key);
    if (entities === undefined) return;
    this.entitiesOf.delete(key);
    for (const entity of entities) {
      const keys = this.keysOf.get(entity);
      keys?.delete(key);
      if (keys?.size === 0) this.keysOf.delete(entity);
    }
  }
}

export function checkKey(key: string): void {
  if (typeof key !== "string" || key === "") {
    throw new DependencyCacheError("INVALID_KEY", `cache keys are non-empty strings, got ${JSON.stringify(key) ?? String(key)}`);
  }
}

export function checkEntity(entity: string): void {
  if (typeof entity !== "string" || entity === "") {
    throw new DependencyCacheError(
      "INVALID_ENTITY",
      `entity ids are non-empty strings such as "user:123", got ${JSON.stringify(entity) ?? String(entity)}; nothing was changed`,
    );
  }
}
