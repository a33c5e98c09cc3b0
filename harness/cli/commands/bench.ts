/** `kata bench <slug>`: the exercise's workloads, target against reference, scored on the budgets. */
import { existsSync } from "node:fs";
import Table from "cli-table3";
import { tableStyle } from "../../report/table-style";
import pc from "picocolors";
import type { Exercise } from "../../catalog/catalog";
import { DEFAULT_BENCH_TIME_LIMIT_MS, runBench, runPeers } from "../../bench/run-bench";
import { scoreWorkloads } from "../../score/score";

export async function benchCommand(
  exercise: Exercise,
  options: { target: string; workloads: string[]; peers: boolean },
): Promise<number> {
  process.stderr.write(`measuring ${exercise.id} (${options.target}) against the reference...\n`);
  const report = await runBench(exercise, {
    target: options.target,
    timeLimitMs: DEFAULT_BENCH_TIME_LIMIT_MS,
    workloads: options.workloads,
  });
  const scores = scoreWorkloads(exercise, report);
  const table = new Table({
    head: ["workload", "ratio", "budget", "verdict", "how"],
    style: tableStyle(),
    colWidths: [28, 8, 8, 12, 70],
    wordWrap: true,
  });
  for (const w of scores) {
    const verdict = w.error
      ? pc.red("not measured")
      : w.score >= 1
        ? pc.green("within")
        : pc.yellow(`${Math.round(w.score * 100)}% of it`);
    table.push([w.name, w.error ? "-" : w.ratio.toFixed(3), w.budget, verdict, w.error ?? w.detail]);
  }
  process.stdout.write(`${table.toString()}\n`);
  process.stdout.write(
    "ratio: your figure relative to the reference in the same run; a budget of 0.5 asks for half its throughput.\n",
  );
  if (options.peers && existsSync(exercise.referenceDir))
    writePeers(await runPeers(exercise, DEFAULT_BENCH_TIME_LIMIT_MS));
  return scores.every((w) => w.score >= 1) ? 0 : 1;
}

/** The reference beside the libraries people use: context, not part of any score. */
function writePeers(peers: Awaited<ReturnType<typeof runPeers>>): void {
  if (peers.failure !== undefined) process.stdout.write(`peers not measured: ${peers.failure}\n`);
  if (peers.measured.length === 0) return;
  const table = new Table({
    head: ["workload | library", "reference / library", "how"],
    style: tableStyle(),
    colWidths: [40, 22, 66],
    wordWrap: true,
  });
  for (const m of peers.measured) table.push([m.name, m.ratio.toFixed(3), m.detail]);
  process.stdout.write(
    `\nThe reference beside the npm libraries people use (same workload, same run; not scored):\n${table.toString()}\n`,
  );
}
