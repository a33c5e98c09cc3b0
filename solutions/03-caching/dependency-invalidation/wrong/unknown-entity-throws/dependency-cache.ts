/**
 * Wrong design: an entity nothing depends on is treated as an error, as
 * `const keys = this.keysOf.get(entity)!; for (const key of keys) ...` does by throwing a
 * TypeError. Events name entities this cache never held, and a bus that delivers at least once
 * repeats events whose entity the first copy already cleared: each such event throws back into
 * the bus, and a direct call for one throws instead of returning [].
 */
import { DependencyCache as ReferenceCache } from "../../src/dependency-cache";
import { DependencyCacheError } from "../../src/errors";

export class DependencyCache<V> extends ReferenceCache<V> {
  override invalidateEntity(entity: string): string[] {
    if (this.dependentsOf(entity).length === 0) {
      throw new DependencyCacheError("INVALID_ENTITY", `no cached entry depends on ${JSON.stringify(entity)}`);
    }
    return super.invalidateEntity(entity);
  }
}
