/**
 * How long the linearizability checker takes on large histories (npm run measure:linearizability).
 * Wall-clock figures belong here, never in a test.
 */
import { checkLinearizable } from "../sim/linearizability";
import { kvModel } from "../sim/models";
import { atomicKvHistory } from "./atomic-kv-history";

for (const [operations, keys] of [
  [10_000, 100],
  [10_000, 10],
  [100_000, 1_000],
] as const) {
  const history = atomicKvHistory(1, operations, keys);
  const started = performance.now();
  const result = checkLinearizable(history, kvModel<number>());
  const ms = performance.now() - started;
  process.stdout.write(
    `${operations.toLocaleString("en-US")} operations over ${keys} keys: ${result.ok ? "linearizable" : "NOT linearizable"}, checked in ${ms.toFixed(0)} ms\n`,
  );
}
