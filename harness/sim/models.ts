/**
 * Sequential models for the linearizability checker: what a single correct copy of the object
 * would answer. A register (read, write, compare-and-set) and a key-value store (get, put), the
 * objects the replication exercises build.
 */
import type { Operation } from "./history";
import type { Model } from "./linearizability";

export type RegisterInput<V> = { type: "read" } | { type: "write"; value: V } | { type: "cas"; from: V; to: V };
/** read: the value; write: "ok"; cas: whether it swapped. */
export type RegisterOutput<V> = V | "ok" | boolean;

export function registerModel<V>(initial: V): Model<V, RegisterInput<V>, RegisterOutput<V>> {
  return {
    init: () => initial,
    step(state, input, output) {
      switch (input.type) {
        case "read":
          return [output === undefined || Object.is(output, state), state];
        case "write":
          return [true, input.value];
        case "cas": {
          const swaps = Object.is(state, input.from);
          if (output === undefined) return [true, swaps ? input.to : state];
          return [output === swaps, swaps ? input.to : state];
        }
      }
    },
    describe(input, output) {
      const result = output === undefined ? "never returned" : JSON.stringify(output);
      switch (input.type) {
        case "read":
          return `read -> ${result}`;
        case "write":
          return `write ${JSON.stringify(input.value)}${output === undefined ? " (never returned)" : ""}`;
        case "cas":
          return `cas ${JSON.stringify(input.from)} to ${JSON.stringify(input.to)} -> ${result}`;
      }
    },
  };
}

export type KvInput<V> = { type: "get"; key: string } | { type: "put"; key: string; value: V };
/** get: the value, or null for a key never written; put: "ok". */
export type KvOutput<V> = V | null | "ok";

/** A key-value store: each key is a register of its own, so the checker splits the history by key. */
export function kvModel<V>(): Model<V | null, KvInput<V>, KvOutput<V>> {
  return {
    init: () => null,
    step(state, input, output) {
      if (input.type === "put") return [true, input.value];
      return [output === undefined || JSON.stringify(output) === JSON.stringify(state), state];
    },
    partition(operations) {
      const byKey = new Map<string, Operation<KvInput<V>, KvOutput<V>>[]>();
      for (const op of operations) {
        const part = byKey.get(op.input.key);
        if (part) part.push(op);
        else byKey.set(op.input.key, [op]);
      }
      return [...byKey.values()];
    },
    describe(input, output) {
      const result = output === undefined ? "never returned" : JSON.stringify(output);
      return input.type === "get"
        ? `get ${input.key} -> ${result}`
        : `put ${input.key}=${JSON.stringify(input.value)}${output === undefined ? " (never returned)" : ""}`;
    },
  };
}
