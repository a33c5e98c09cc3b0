/**
 * Loads a bench definition and an implementation module by file path, in a child process that tsx
 * runs. Both the learner's and the reference's modules can be loaded side by side this way: they
 * are different files, so they are different module instances.
 */
import { pathToFileURL } from "node:url";
import type { BenchDefinition } from "./define";

export async function loadModule(file: string): Promise<Record<string, unknown>> {
  const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  // tsx loads TypeScript as CommonJS here: named exports may sit under `default`.
  const inner = loaded.default;
  return inner && typeof inner === "object" && !Array.isArray(inner) ? { ...(inner as Record<string, unknown>), ...loaded } : loaded;
}

/**
 * Loads bench.ts afresh on every call: the learner and the reference each get their own instance,
 * so the closures a workload builds are separate functions that V8 optimises separately, instead of
 * one closure whose call sites have seen both implementations.
 */
export function loadBench(file: string): BenchDefinition<unknown> {
  const resolved = require.resolve(file);
  delete require.cache[resolved];
  let value: unknown = require(resolved) as unknown;
  // Unwrap `default` until the definition (CommonJS interop can nest it twice).
  for (let i = 0; i < 3 && value && typeof value === "object" && !("workloads" in value) && "default" in value; i++) {
    value = (value as { default: unknown }).default;
  }
  if (!value || typeof value !== "object" || !("workloads" in value)) {
    throw new Error(`${file} must \`export default defineBench({ workloads })\``);
  }
  return value as BenchDefinition<unknown>;
}
