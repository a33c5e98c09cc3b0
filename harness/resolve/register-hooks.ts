/** Registers kata-hooks.mjs in this process; child entry points call it before loading learner code. */
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";
import targets from "./targets.cjs";

export function registerKataHooks(): void {
  register(pathToFileURL(path.join(targets.REPO_ROOT, "harness", "resolve", "kata-hooks.mjs")).href);
}
