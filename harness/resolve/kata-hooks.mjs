// Node module hooks for harness child processes: `#kata` and `#kata/*` resolve to the workbook's
// harness/kata even from a student copy outside the repository (Node's own `imports` lookup would
// search that copy's package.json). Registered with module.register() by the child entry points.
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const { kataApiFile } = createRequire(import.meta.url)("./targets.cjs");

export async function resolve(specifier, context, nextResolve) {
  const file = kataApiFile(specifier);
  if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
  return nextResolve(specifier, context);
}
