/** The events the cache listens to (given code): an entity such as "user:123" changed or went away. */
export interface EntityUpdated {
  type: "entity.updated";
  entity: string;
}

export interface EntityDeleted {
  type: "entity.deleted";
  entity: string;
}

export type EntityEvent = EntityUpdated | EntityDeleted;

/** What the cache needs of a bus: subscribe to a type, get an unsubscribe function back. */
export interface EntityEventSource {
  subscribe<T extends EntityEvent["type"]>(
    type: T,
    handler: (event: Extract<EntityEvent, { type: T }>) => void,
  ): () => void;
}
