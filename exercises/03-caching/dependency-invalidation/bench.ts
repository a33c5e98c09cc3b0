/**
 * How invalidation is measured: 50,000 cached pages, each depending on 2 of 20,000 entities
 * (seeded). Each operation is an "entity.updated" event on the bus for an entity drawn by
 * popularity (Zipf), after which the bench caches the dropped pages again, so the cache stays full.
 * The work is finding an entity's dependents.
 */
import { EventBus } from "#kata/bus";
import { defineBench, zipfIndexes } from "#kata/bench";
import { Prng } from "#kata/sim";
import type * as CacheModule from "./src/dependency-cache";
import type { EntityEvent } from "./src/events";

type Api = Pick<typeof CacheModule, "DependencyCache">;

const PAGES = 50_000;
const ENTITIES = 20_000;
const random = new Prng(31);
const entity = (i: number): string => `user:${i}`;
const DEPENDS = Array.from({ length: PAGES }, () => [
  entity(Math.floor(random.next() * ENTITIES)),
  entity(Math.floor(random.next() * ENTITIES)),
]);
const EVENTS = zipfIndexes(1 << 16, ENTITIES, 0.8, 32);

function invalidations(api: Api): () => unknown {
  const bus = new EventBus<EntityEvent>();
  const cache = new api.DependencyCache<number>(bus);
  DEPENDS.forEach((deps, page) => cache.set(`page:${page}`, page, deps));
  let i = 0;
  return () => {
    i = i === EVENTS.length - 1 ? 0 : i + 1;
    const changed = entity(EVENTS[i] as number);
    const dependents = cache.dependentsOf(changed);
    bus.publish({ type: "entity.updated", entity: changed });
    for (const key of dependents) cache.set(key, i, DEPENDS[Number(key.slice(5))] as string[]);
    return dependents.length;
  };
}

export default defineBench<Api>({
  workloads: [{ kind: "throughput", name: "invalidations among 50k entries", unit: "events", setup: invalidations }],
});
