/**
 * The npm library people reach for, behind this exercise's API, so `kata bench consistent-hashing`
 * can run the same workloads on it (given code). hashring 3 places 160 points per server (40
 * hashes x 4 replicas, as the reference's 160 virtual nodes), hashes with md5, and keeps an LRU of
 * recent lookups (5,000 by default, left as people use it).
 */
import HashRing from "hashring";
import type * as RingModule from "./src/hash-ring";

export type RingApi = Pick<typeof RingModule, "HashRing">;

class HashRingOnNpm {
  private readonly ring = new HashRing([]);
  private readonly members = new Set<string>();

  nodes(): string[] {
    return [...this.members].sort();
  }

  get size(): number {
    return this.members.size;
  }

  hasNode(node: string): boolean {
    return this.members.has(node);
  }

  addNode(node: string): void {
    this.ring.add(node);
    this.members.add(node);
  }

  removeNode(node: string): void {
    this.ring.remove(node);
    this.members.delete(node);
  }

  lookup(key: string): string {
    return this.ring.get(key);
  }
}

export const npmHashring: RingApi = { HashRing: HashRingOnNpm as unknown as RingApi["HashRing"] };
