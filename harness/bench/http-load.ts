/**
 * HTTP workloads: each implementation's server runs in a process of its own (serve.ts), and
 * autocannon, in this process, loads them in alternating rounds after a warm-up round each. The
 * server and the load generator get a core each on a two-core machine; alternating rounds spread
 * the machine's slow moments over both sides. docs/peers.md records round-to-round noise of 0.75-1.24
 * for identical servers, so the ratio is a median of rounds and budgets leave room for it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import targets from "../resolve/targets.cjs";
import { TSX_CLI } from "../run/tools";
import type { HttpWorkload } from "./define";
import type { Side } from "./load-implementation";
import { formatRate } from "./measure";
import { median } from "./interleave";
import type { WorkloadMeasurement } from "./result";

const SERVE = path.join(targets.REPO_ROOT, "harness", "bench", "serve.ts");
/** Rounds per side; verify's check of the reference against itself asks for fewer (see BenchOptions.httpRounds). */
export const HTTP_ROUNDS = 4;
const START_TIMEOUT_MS = 20_000;

export interface RunningServer {
  port: number;
  child: ChildProcess;
}

export function startServer(benchFile: string, side: Side, workload: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, SERVE, benchFile, JSON.stringify(side), workload], {
      cwd: targets.REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let stderr = "";
    let stdout = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start listening within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening (\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners("data");
        child.stdout?.resume(); // keep draining the learner's logs so the server never blocks
        resolve({ port: Number(match[1]), child });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}) before listening: ${stderr.trim().split("\n").at(-1) ?? ""}`));
    });
  });
}

async function load(
  port: number,
  workload: HttpWorkload<unknown>,
  seconds: number,
): Promise<{ rate: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: workload.connections,
    duration: seconds,
    requests: workload.requests.map((r) => ({
      method: r.method ?? "GET",
      path: r.path,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
    })),
  });
  return { rate: result.requests.total / seconds, p99: result.latency.p99, errors: result.errors + result.timeouts };
}

export async function measureHttp(
  workload: HttpWorkload<unknown>,
  benchFile: string,
  learnerSide: Side,
  referenceSide: Side,
  roundCount = HTTP_ROUNDS,
): Promise<WorkloadMeasurement> {
  const servers: RunningServer[] = [];
  try {
    const reference = await startServer(benchFile, referenceSide, workload.name);
    servers.push(reference);
    const learner = await startServer(benchFile, learnerSide, workload.name);
    servers.push(learner);
    await load(learner.port, workload, 1);
    await load(reference.port, workload, 1);
    const rounds: { learner: Awaited<ReturnType<typeof load>>; reference: Awaited<ReturnType<typeof load>> }[] = [];
    for (let round = 0; round < roundCount; round++) {
      const first = round % 2 === 0 ? learner : reference;
      const second = first === learner ? reference : learner;
      const a = await load(first.port, workload, workload.roundSeconds);
      const b = await load(second.port, workload, workload.roundSeconds);
      rounds.push(first === learner ? { learner: a, reference: b } : { learner: b, reference: a });
    }
    const learnerRate = median(rounds.map((r) => r.learner.rate));
    const referenceRate = median(rounds.map((r) => r.reference.rate));
    const errors = rounds.reduce((sum, r) => sum + r.learner.errors, 0);
    const p99 = median(rounds.map((r) => r.learner.p99));
    const referenceP99 = median(rounds.map((r) => r.reference.p99));
    return {
      name: workload.name,
      kind: "http",
      unit: "req/s",
      learner: learnerRate,
      reference: referenceRate,
      ratio: median(rounds.map((r) => r.learner.rate / r.reference.rate)),
      detail:
        `median of ${roundCount} alternating ${workload.roundSeconds} s autocannon rounds, ${workload.connections} connections: ` +
        `${formatRate(learnerRate)} vs reference ${formatRate(referenceRate)} req/s; p99 ${p99} ms vs ${referenceP99} ms` +
        (errors > 0 ? `; ${errors} connection errors or timeouts on the learner's server` : ""),
    };
  } finally {
    for (const server of servers) server.child.kill("SIGKILL");
  }
}
