/**
 * Wrong design: setting a key again only adds its new links, as
 * `for (const e of dependsOn) keysOf(e).add(key)` does on its own. The entities the key depended
 * on before keep it among their dependents: a change to one of them still drops the key though it
 * no longer depends on it, and those links never leave the index.
 */
import { DependencyIndex as ReferenceIndex } from "../../src/dependency-index";

export class DependencyIndex extends ReferenceIndex {
  override replace(key: string, entities: ReadonlySet<string>): void {
    for (const entity of entities) this.link(key, entity);
  }
}
