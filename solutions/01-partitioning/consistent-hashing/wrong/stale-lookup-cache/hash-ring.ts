/**
 * The mistake: lookups are memoised in a Map for speed, and the memo outlives membership changes.
 * After addNode or removeNode, every key looked up before keeps its old owner, a removed node
 * included, until the process restarts.
 */
import { HashRing as Reference } from "../../src/hash-ring";

export { DEFAULT_VIRTUAL_NODES, virtualNodeLabel, type HashRingOptions } from "../../src/hash-ring";

export class HashRing extends Reference {
  private readonly answers = new Map<string, string>();

  override lookup(key: string): string {
    let owner = this.answers.get(key);
    if (owner === undefined) {
      owner = super.lookup(key);
      this.answers.set(key, owner);
    }
    return owner;
  }
}
