/**
 * The naive ring: correct, and slow where it counts. It keeps the reference's sorted points and
 * validation, but finds a key's owner by walking the points from the start until one is at or past
 * the key's hash: O(P) per lookup instead of O(log P). With 10 nodes of 160 points a lookup walks
 * ~800 points; with 1,000 nodes, ~80,000. The bench's scaling check exists to catch exactly this.
 */
import { HashRing as ReferenceHashRing } from "../src/hash-ring";

export { DEFAULT_VIRTUAL_NODES, virtualNodeLabel, type HashRingOptions } from "../src/hash-ring";

export class HashRing extends ReferenceHashRing {
  protected override pointIndexFor(h: number): number {
    const positions = this.positions;
    for (let i = 0; i < positions.length; i++) {
      if ((positions[i] as number) >= h) return i;
    }
    return 0;
  }
}
