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

export async function loadBench(file: string): Promise<BenchDefinition<unknown>> {
  let value: unknown = (await import(pathToFileURL(file).href)) as unknown;
  // Unwrap `default` until the definition (CommonJS interop can nest it twice).
  for (let i = 0; i < 3 && value && typeof value === "object" && !("workloads" in value) && "default" in value; i++) {
    value = (value as { default: unknown }).default;
  }
  if (!value || typeof value !== "object" || !("workloads" in value) || !("module" in value)) {
    throw new Error(`${file} must \`export default defineBench({ module, workloads })\``);
  }
  return value as BenchDefinition<unknown>;
}
