import { RingError } from "./errors";
import { hash32 } from "./hash";
import { DEFAULT_VIRTUAL_NODES, virtualNodeLabel, type HashRingOptions } from "./ring-spec";

export { DEFAULT_VIRTUAL_NODES, virtualNodeLabel, type HashRingOptions } from "./ring-spec";

/**
 * A consistent hash ring with virtual nodes.
 *
 * The ring is two parallel arrays sorted by position: `positions` (a Uint32Array, so the binary
 * search touches one compact block of memory) and `owners` (the node each point belongs to).
 * Points that share a position are ordered by node id, so the ring is the same whatever order
 * nodes were added in. Membership changes rebuild the arrays by merge or filter, O(V + P) for V
 * new points on a ring of P; lookups are O(log P) and allocate nothing.
 */
export class HashRing {
  readonly virtualNodes: number;
  protected positions = new Uint32Array(0);
  protected owners: string[] = [];
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
    const added = Array.from({ length: this.virtualNodes }, (_, i) => ({
      position: hash32(virtualNodeLabel(node, i)),
      owner: node,
    })).sort(comparePoints);
    this.mergePoints(added);
    this.members.add(node);
  }

  removeNode(node: string): void {
    assertNodeId(node);
    if (!this.members.has(node)) {
      throw new RingError("UNKNOWN_NODE", `node "${node}" is not on the ring (nodes: ${this.nodes().join(", ") || "none"})`);
    }
    const keep = this.owners.flatMap((owner, i) => (owner === node ? [] : [i]));
    this.positions = Uint32Array.from(keep, (i) => this.positions[i] as number);
    this.owners = keep.map((i) => this.owners[i] as string);
    this.members.delete(node);
  }

  /** The node that owns `key`: the first point at or clockwise after hash32(key). */
  lookup(key: string): string {
    if (typeof key !== "string") {
      throw new RingError("INVALID_KEY", `keys must be strings, got ${typeof key}; convert ids with String(id)`);
    }
    if (this.positions.length === 0) {
      throw new RingError("EMPTY_RING", "the ring has no nodes: add at least one node before looking up keys");
    }
    return this.owners[this.pointIndexFor(hash32(key))] as string;
  }

  /** Index of the first point with position >= h, wrapping past the end to 0. */
  protected pointIndexFor(h: number): number {
    const positions = this.positions;
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((positions[mid] as number) < h) lo = mid + 1;
      else hi = mid;
    }
    return lo === positions.length ? 0 : lo;
  }

  private mergePoints(added: Point[]): void {
    const total = this.positions.length + added.length;
    const positions = new Uint32Array(total);
    const owners = new Array<string>(total);
    let i = 0;
    let j = 0;
    for (let k = 0; k < total; k++) {
      const takeExisting =
        j >= added.length ||
        (i < this.positions.length &&
          comparePoints({ position: this.positions[i] as number, owner: this.owners[i] as string }, added[j] as Point) <= 0);
      if (takeExisting) {
        positions[k] = this.positions[i] as number;
        owners[k] = this.owners[i] as string;
        i++;
      } else {
        const point = added[j] as Point;
        positions[k] = point.position;
        owners[k] = point.owner;
        j++;
      }
    }
    this.positions = positions;
    this.owners = owners;
  }
}

interface Point {
  position: number;
  owner: string;
}

function comparePoints(a: Point, b: Point): number {
  if (a.position !== b.position) return a.position - b.position;
  return a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0;
}

function assertNodeId(node: unknown): asserts node is string {
  if (typeof node !== "string" || node.length === 0) {
    throw new RingError("INVALID_NODE_ID", `node ids must be non-empty strings, got ${JSON.stringify(node) ?? String(node)}`);
  }
}
