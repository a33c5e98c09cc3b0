/**
 * Loads one side of a bench, its bench.ts and its implementation module, in a child process that
 * tsx runs. Each side is loaded under its own target with a fresh module cache (node-hook.cjs), so
 * the learner's and the reference's modules are separate instances even when they are the same
 * file (the reference measured against itself).
 */
import targets from "../resolve/targets.cjs";
import hook from "../resolve/node-hook.cjs";
import type { BenchDefinition } from "./define";

/** One side of a comparison: whose code (a KATA_TARGET spelling) and the module file to load. */
export interface Side {
  target: string;
  file: string;
  /** Instead of the module, this peer of the bench (by name): a library behind the exercise's API. */
  peer?: string;
}

export interface LoadedSide {
  bench: BenchDefinition<unknown>;
  api: Record<string, unknown>;
}

export function loadSide(benchFile: string, side: Side): LoadedSide {
  return hook.loadUnderTarget(targets.parseTarget(side.target), () => {
    const bench = loadBench(benchFile);
    if (side.peer === undefined) return { bench, api: loadModule(side.file) };
    const peer = bench.peers?.find((p) => p.name === side.peer);
    if (!peer) throw new Error(`${benchFile} has no peer "${side.peer}"`);
    return { bench, api: peer.api as Record<string, unknown> };
  });
}

export function loadModule(file: string): Record<string, unknown> {
  // A plain require, not import(): synchronous, and through the module cache node-hook.cjs clears
  // between sides, so each side gets instances of its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file) as Record<string, unknown>;
  // tsx compiles TypeScript to CommonJS here: named exports may sit under `default`.
  const inner = loaded.default;
  return inner && typeof inner === "object" && !Array.isArray(inner)
    ? { ...(inner as Record<string, unknown>), ...loaded }
    : loaded;
}

/**
 * Loads bench.ts afresh on every call: the learner and the reference each get their own instance,
 * so the closures a workload builds are separate functions that V8 optimises separately, instead of
 * one closure whose call sites have seen both implementations.
 */
export function loadBench(file: string): BenchDefinition<unknown> {
  const resolved = require.resolve(file);
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- evicting one file from the module cache
  delete require.cache[resolved];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see loadModule
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
