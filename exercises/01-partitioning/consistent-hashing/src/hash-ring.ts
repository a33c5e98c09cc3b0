import { notImplemented } from "#kata";
import { RingError } from "./errors";
import { hash32 } from "./hash";
import { DEFAULT_VIRTUAL_NODES, virtualNodeLabel, type HashRingOptions } from "./ring-spec";
// RingError, hash32 and virtualNodeLabel are what the finished ring is built from.

export { DEFAULT_VIRTUAL_NODES, virtualNodeLabel, type HashRingOptions } from "./ring-spec";

/**
 * A consistent hash ring with virtual nodes.
 *
 * Each node owns `virtualNodes` points on a ring of 2^32 positions, at
 * `hash32(virtualNodeLabel(node, i))` for i = 0 .. virtualNodes - 1. A key belongs to the node
 * owning the first point at or clockwise after `hash32(key)`, wrapping past 2^32 - 1 back to the
 * start. Points that share a position are ordered by node id (the smaller id comes first), so two
 * rings with the same nodes agree on every key whatever order the nodes were added in.
 *
 * Errors are RingErrors (./errors.ts) with a code: see each method.
 */
export class HashRing {
  /** How many points each node places; fixed at construction. */
  readonly virtualNodes: number;

  /**
   * @throws RingError INVALID_VIRTUAL_NODES when options.virtualNodes is given and is not a
   *   positive integer (0, -3, 2.5, NaN).
   */
  constructor(options: HashRingOptions = {}) {
    this.virtualNodes = options.virtualNodes ?? DEFAULT_VIRTUAL_NODES;
    notImplemented("new HashRing()");
  }

  /** The nodes on the ring, sorted by id. */
  nodes(): string[] {
    return notImplemented("HashRing.nodes");
  }

  /** How many nodes are on the ring. */
  get size(): number {
    return notImplemented("HashRing.size");
  }

  hasNode(node: string): boolean {
    return notImplemented(`HashRing.hasNode(${JSON.stringify(node)})`);
  }

  /**
   * Places the node's virtual nodes on the ring. Only keys that now land on the new node's points
   * change owner: about 1/N of all keys for the N-th node.
   * @throws RingError INVALID_NODE_ID for an empty or non-string id; DUPLICATE_NODE if present.
   */
  addNode(node: string): void {
    notImplemented(`HashRing.addNode(${JSON.stringify(node)})`);
  }

  /**
   * Takes the node's points off the ring. Only the keys it owned move, each to the next point
   * clockwise; no key moves between the nodes that stay.
   * @throws RingError INVALID_NODE_ID for an empty or non-string id; UNKNOWN_NODE if absent.
   */
  removeNode(node: string): void {
    notImplemented(`HashRing.removeNode(${JSON.stringify(node)})`);
  }

  /**
   * The node that owns `key`. This is the hot path: the bench calls it millions of times, on rings
   * of up to 160,000 points, and expects O(log points).
   * @throws RingError EMPTY_RING when no node is on the ring; INVALID_KEY for a non-string key.
   */
  lookup(key: string): string {
    return notImplemented(`HashRing.lookup(${JSON.stringify(key)})`);
  }
}
