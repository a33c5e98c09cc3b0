/**
 * Wrong design: the index is touched only when there are dependencies
 * (`if (dependsOn.length > 0) { unlink old; link new }`). A key set again with no dependencies
 * keeps the ones it had: a change to a former dependency drops the new value, and the old links
 * stay in the index.
 */
import { DependencyIndex as ReferenceIndex } from "../../src/dependency-index";

export class DependencyIndex extends ReferenceIndex {
  override replace(key: string, entities: ReadonlySet<string>): void {
    if (entities.size > 0) super.replace(key, entities);
  }
}
