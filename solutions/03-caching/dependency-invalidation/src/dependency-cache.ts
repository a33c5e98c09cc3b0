import { DependencyIndex } from "./dependency-index";
import { DependencyCacheError } from "./errors";
import type { EntityEvent, EntityEventSource } from "./events";

/**
 * A cache whose entries depend on entities ("user:123"), dropped as soon as an event says one of
 * their entities changed. The values live in a Map; the links between keys and entities live in
 * a dependency index (./dependency-index) kept exact in both directions: setting a key replaces its
 * links, and deleting or invalidating it forgets them, so the index holds what the cache holds and
 * nothing more.
 */
export class DependencyCache<V> {
  private readonly values = new Map<string, V>();
  private readonly index = new DependencyIndex();
  private readonly unsubscribe: (() => void)[];

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
    // Every argument is checked before anything changes: a refused call leaves the old entry and links.
    checkKey(key);
    for (const entity of dependsOn) checkEntity(entity);
    this.index.replace(key, new Set(dependsOn)); // an empty dependsOn too: the key then depends on nothing
    this.values.set(key, value);
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  delete(key: string): boolean {
    this.index.forget(key);
    return this.values.delete(key);
  }

  /** Drops every entry that depends on `entity`; returns their keys, sorted. */
  invalidateEntity(entity: string): string[] {
    checkEntity(entity);
    const dropped = this.index.dependentsOf(entity).sort(); // a copy: delete() unlinks as it goes
    for (const key of dropped) this.delete(key);
    return dropped;
  }

  /** The keys that depend on `entity`, sorted. */
  dependentsOf(entity: string): string[] {
    return this.index.dependentsOf(entity).sort();
  }

  /** How big the dependency index is: entities with dependents, and key-entity links. */
  indexSize(): { entities: number; links: number } {
    return this.index.size();
  }

  /** Stops listening to the bus; the cache keeps working for direct calls. */
  close(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
  }

  private onEvent(event: EntityEvent): void {
    // Network input: a malformed event is ignored rather than thrown into the bus. Every
    // well-formed event acts, however many came before it for the same entity.
    if (typeof event?.entity !== "string" || event.entity === "") return;
    this.invalidateEntity(event.entity);
  }
}

function checkKey(key: string): void {
  if (typeof key !== "string" || key === "") {
    throw new DependencyCacheError(
      "INVALID_KEY",
      `cache keys are non-empty strings, got ${JSON.stringify(key) ?? String(key)}`,
    );
  }
}

function checkEntity(entity: string): void {
  if (typeof entity !== "string" || entity === "") {
    throw new DependencyCacheError(
      "INVALID_ENTITY",
      `entity ids are non-empty strings such as "user:123", got ${JSON.stringify(entity) ?? String(entity)}; nothing was changed`,
    );
  }
}
