/**
 * What the nodes of a quorum key-value store say to each other, and the types the store's API
 * speaks. Given code: this is the wire format the tests speak; use it as it is.
 */

/** How many of the N replicas an operation waits for: one, a majority, or every one. */
export type ConsistencyLevel = "ONE" | "QUORUM" | "ALL";

export const CONSISTENCY_LEVELS: readonly ConsistencyLevel[] = ["ONE", "QUORUM", "ALL"];

/**
 * A value's version, Lamport-style: the coordinator that wrote it picks a counter above every
 * version it has heard of, and its own node id settles a tie between equal counters, so two
 * writes never share a version. A key never written has version { counter: 0, node: "" }.
 */
export interface Version {
  counter: number;
  node: string;
}

/** A replica's copy of one key: its value (null if never written) and that value's version. */
export interface Versioned {
  value: string | null;
  version: Version;
}

/** The version of a key no one has written. Every real version is newer. */
export const NO_VERSION: Version = { counter: 0, node: "" };

/** Coordinator to replica: "what do you hold for this key?" (a read, or a write's version round). */
export interface ReadRequest {
  type: "Read";
  /** Chosen by the coordinator; the reply carries it back. */
  requestId: number;
  key: string;
}

export interface ReadReply {
  type: "ReadReply";
  requestId: number;
  key: string;
  value: string | null;
  version: Version;
}

/** Coordinator to replica: "store this, unless you hold something newer" (a write, or a read repair). */
export interface WriteRequest {
  type: "Write";
  requestId: number;
  key: string;
  value: string;
  version: Version;
}

/** Replica to coordinator: it now holds this version of the key, or a newer one. */
export interface WriteAck {
  type: "WriteAck";
  requestId: number;
  key: string;
  /** The replica's version after the write: the one sent, or a newer one it already held. */
  version: Version;
}

export type KvMessage = ReadRequest | ReadReply | WriteRequest | WriteAck;

export function isVersion(value: unknown): value is Version {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return Number.isSafeInteger(v.counter) && (v.counter as number) >= 0 && typeof v.node === "string";
}

/** True for a well-formed message; anything else from the network is to be ignored. */
export function isKvMessage(value: unknown): value is KvMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  if (!Number.isSafeInteger(m.requestId) || typeof m.key !== "string") return false;
  switch (m.type) {
    case "Read":
      return true;
    case "ReadReply":
      return (m.value === null || typeof m.value === "string") && isVersion(m.version);
    case "Write":
      return typeof m.value === "string" && isVersion(m.version);
    case "WriteAck":
      return isVersion(m.version);
    default:
      return false;
  }
}
