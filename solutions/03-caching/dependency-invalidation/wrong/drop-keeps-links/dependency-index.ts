/**
 * Wrong design: dropping an entry removes its value and leaves its links, as a `delete(key)` that
 * only does `values.delete(key)`. Every deleted or invalidated key stays listed among its
 * entities' dependents: the index leaks one link per drop, and invalidating the entity again
 * reports keys that are no longer cached.
 */
import { DependencyIndex as ReferenceIndex } from "../../src/dependency-index";

export class DependencyIndex extends ReferenceIndex {
  override forget(): void {
    // The mistake: the dropped key's links stay in both directions.
  }
}
