/**
 * Histories of a key-value store that is linearizable by construction: each operation takes effect
 * at one instant inside its interval, in order of those instants. Seeded; for the checker's tests
 * and its measurement (npm run measure:linearizability).
 */
import type { Operation } from "../sim/history";
import type { KvInput, KvOutput } from "../sim/models";
import { Prng } from "../sim/prng";

export function atomicKvHistory(
  seed: number,
  operations: number,
  keys: number,
): Operation<KvInput<number>, KvOutput<number>>[] {
  const prng = new Prng(seed);
  const values = new Map<string, number>();
  const history: Operation<KvInput<number>, KvOutput<number>>[] = [];
  const events: { at: number; apply: () => void }[] = [];
  for (let i = 0; i < operations; i++) {
    const key = `k${Math.floor(prng.next() * keys)}`;
    const invokedAt = Math.floor(prng.next() * operations * 2);
    const returnedAt = invokedAt + 1 + Math.floor(prng.next() * 40);
    const effectAt = invokedAt + prng.next() * (returnedAt - invokedAt);
    const entry: Operation<KvInput<number>, KvOutput<number>> = prng.next() < 0.5
      ? { id: i, client: `c${i % 10}`, input: { type: "put", key, value: i }, invokedAt, returnedAt, output: "ok" }
      : { id: i, client: `c${i % 10}`, input: { type: "get", key }, invokedAt, returnedAt };
    events.push({
      at: effectAt,
      apply: () => {
        if (entry.input.type === "put") values.set(key, entry.input.value);
        else entry.output = values.get(key) ?? null;
      },
    });
    history.push(entry);
  }
  for (const e of events.sort((a, b) => a.at - b.at)) e.apply();
  return history;
}
