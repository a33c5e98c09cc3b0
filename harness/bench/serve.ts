/**
 * Child process: starts one http or ws workload's server on one implementation, on 127.0.0.1 with a port
 * the system picks, and prints `listening <port>`. It lives until its parent ends it.
 * Usage: tsx harness/bench/serve.ts <bench.ts> '<Side as JSON>' <workload name>
 */
import "../resolve/node-hook.cjs"; // first: the workbook's import rules for the code loaded below
import type { AddressInfo } from "node:net";
import { loadSide, type Side } from "./load-implementation";

async function main(): Promise<void> {
  const [benchFile, sideJson, workloadName] = process.argv.slice(2);
  if (!benchFile || !sideJson || !workloadName)
    throw new Error("usage: serve.ts <bench.ts> '<Side as JSON>' <workload>");
  const { bench, api } = loadSide(benchFile, JSON.parse(sideJson) as Side);
  const workload = bench.workloads.find((w) => w.name === workloadName);
  if (!workload || (workload.kind !== "http" && workload.kind !== "ws"))
    throw new Error(`no http or ws workload "${workloadName}" in ${benchFile}`);
  const server = workload.server(api);
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
  });
  process.on("disconnect", () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
