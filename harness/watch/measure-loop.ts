/**
 * `npm run measure:loop [slug]`: how long a learner waits, measured, not asserted (a timed test
 * would fail on a busy machine and prove nothing on an idle one). Two figures, medians of several
 * tries on this machine:
 *   - a warm `npm test -- <slug>` on the stub, start to exit;
 *   - in `kata watch`, a save to the first failure on screen, the save being a rewrite of a file
 *     under a learner's copy of the exercise's src/ (a folder target, so nothing of the workbook
 *     changes).
 * The targets (issue: the learner's loop) are under 3 s and under 1.5 s.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog, loadDrafts, selectExercises } from "../catalog/catalog";
import targets from "../resolve/targets.cjs";
import { TSX_CLI } from "../run/tools";

const TRIES = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

function npmTestSeconds(slug: string): number {
  const started = process.hrtime.bigint();
  spawnSync("npm", ["test", "--", slug], {
    cwd: targets.REPO_ROOT,
    stdio: "ignore",
    env: { ...process.env, KATA_PROGRESS: "off" },
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function saveToFailureSeconds(slug: string): Promise<number[]> {
  const exercise = selectExercises(loadCatalog(), [slug], loadDrafts())[0];
  if (!exercise) throw new Error(`no exercise ${slug}`);
  const root = mkdtempSync(path.join(tmpdir(), "kata-loop-"));
  const src = path.join(root, exercise.meta.track, exercise.meta.slug, "src");
  cpSync(exercise.srcDir, src, { recursive: true });
  const file = path.join(src, readdirSync(src).find((f) => f.endsWith(".ts")) as string);
  const child = spawn(
    process.execPath,
    [TSX_CLI, path.join(targets.REPO_ROOT, "harness", "cli", "main.ts"), "watch", slug, "--target", root],
    {
      cwd: targets.REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: "0", KATA_PROGRESS_FILE: path.join(root, "progress.json") },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const screens = (): number => output.split("First failure:").length - 1;
  const until = async (count: number): Promise<void> => {
    while (screens() < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  try {
    await until(1); // the first, cold run
    const seconds: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      const before = screens();
      const started = process.hrtime.bigint();
      writeFileSync(file, `${readFileSync(file, "utf8")}\n`); // a save that changes nothing the tests see
      await until(before + 1);
      seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    return seconds;
  } finally {
    child.stdin.write("q");
    child.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(slug = "lru-cache"): Promise<void> {
  npmTestSeconds(slug); // warms jest's transform cache
  const npm = Array.from({ length: TRIES }, () => npmTestSeconds(slug));
  const watch = await saveToFailureSeconds(slug);
  const fmt = (values: number[]): string =>
    `median ${median(values).toFixed(2)} s (${values.map((v) => v.toFixed(2)).join(", ")})`;
  process.stdout.write(`${slug}, ${TRIES} tries each on this machine:\n`);
  process.stdout.write(`  warm npm test -- ${slug}, start to exit: ${fmt(npm)}; target under 3 s\n`);
  process.stdout.write(`  kata watch, save to first failure on screen: ${fmt(watch)}; target under 1.5 s\n`);
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
