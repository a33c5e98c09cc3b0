import { RingError } from "./errors";
import { hash32 } from "./hash";
import { mergePoints, NO_POINTS, pointsOf, withoutNode, type RingPoints } from "./ring-points";
import { pointIndexFor } from "./ring-search";
import { DEFAULT_VIRTUAL_NODES, type HashRingOptions } from "./ring-spec";

export { DEFAULT_VIRTUAL_NODES, virtualNodeLabel, type HashRingOptions } from "./ring-spec";

/**
 * A consistent hash ring with virtual nodes.
 *
 * The points live in two parallel arrays sorted by (position, owner) (./ring-points, ordered by
 * ./point-order); a lookup hashes the key and binary-searches them (./ring-search). Membership
 * changes rebuild the arrays by merge or filter, O(V + P) for V new points on a ring of P; lookups
 * are O(log P) and allocate nothing. Every check runs before any change, so a call that throws
 * leaves the ring as it was.
 */
export class HashRing {
  readonly virtualNodes: number;
  private points: RingPoints = NO_POINTS;
  private readonly members = new Set<string>();

  constructor(options: HashRingOptions = {}) {
    const virtualNodes = options.virtualNodes ?? DEFAULT_VIRTUAL_NODES;
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) {
      throw new RingError(
        "INVALID_VIRTUAL_NODES",
        `virtualNodes must be a positive integer, got ${String(virtualNodes)}; use 100-200 for an even spread, or omit it for ${DEFAULT_VIRTUAL_NODES}`,
      );
    }
    this.virtualNodes = virtualNodes;
  }

  /** The nodes on the ring, sorted by id. */
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
    assertNodeId(node);
    if (this.members.has(node)) {
      throw new RingError("DUPLICATE_NODE", `node "${node}" is already on the ring; remove it first to re-add it`);
    }
    this.points = mergePoints(this.points, pointsOf(node, this.virtualNodes));
    this.members.add(node);
  }

  removeNode(node: string): void {
    assertNodeId(node);
    if (!this.members.has(node)) {
      throw new RingError(
        "UNKNOWN_NODE",
        `node "${node}" is not on the ring (nodes: ${this.nodes().join(", ") || "none"})`,
      );
    }
    this.points = withoutNode(this.points, node);
    this.members.delete(node);
  }

  /** The node that owns `key`: the first point at or clockwise after hash32(key). */
  lookup(key: string): string {
    if (typeof key !== "string") {
      throw new RingError("INVALID_KEY", `keys must be strings, got ${typeof key}; convert ids with String(id)`);
    }
    const { positions, owners } = this.points;
    if (positions.length === 0) {
      throw new RingError("EMPTY_RING", "the ring has no nodes: add at least one node before looking up keys");
    }
    return owners[pointIndexFor(positions, hash32(key))] as string;
  }
}

function assertNodeId(node: unknown): asserts node is string {
  if (typeof node !== "string" || node.length === 0) {
    throw new RingError(
      "INVALID_NODE_ID",
      `node ids must be non-empty strings, got ${JSON.stringify(node) ?? String(node)}`,
    );
  }
}
