/**
 * Wrong design: setting a key again adds the new links first and then removes every old one.
 * An entity in both the old and the new list loses the link just added: the key is cached with its
 * new value, yet a change to that shared entity no longer drops it.
 */
import { DependencyIndex as ReferenceIndex } from "../../src/dependency-index";

export class DependencyIndex extends ReferenceIndex {
  override replace(key: string, entities: ReadonlySet<string>): void {
    const old = this.entitiesOf(key);
    for (const entity of entities) this.link(key, entity);
    for (const entity of old) this.unlink(key, entity);
  }
}
