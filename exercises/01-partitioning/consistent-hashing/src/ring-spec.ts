/** The parts of the ring that are fixed by the spec, so every ring agrees (given code). */

export interface HashRingOptions {
  /** Points each node places on the ring. A positive integer; 160 when omitted. */
  virtualNodes?: number;
}

export const DEFAULT_VIRTUAL_NODES = 160;

/** The label hashed for a node's i-th virtual node: `${node}#${i}`. */
export function virtualNodeLabel(node: string, index: number): string {
  return `${node}#${index}`;
}
