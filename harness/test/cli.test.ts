/** The CLI's answers to bad input: one line, a non-zero exit, and nothing else lost. */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import { TSX_CLI } from "../run/tools";

jest.setTimeout(60_000);

const MAIN = path.join(targets.REPO_ROOT, "harness", "cli", "main.ts");

function kata(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [TSX_CLI, MAIN, ...args], {
    cwd: targets.REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("an unknown slug: one line with the nearest slug, exit 1", () => {
  const result = kata("test", "consistent-hashng");
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe('kata: no exercise "consistent-hashng": did you mean consistent-hashing?');
});

test("a missing target folder: one line, exit 1", () => {
  const result = kata("grade", "consistent-hashing", "--target", "no/such/dir", "--no-bench");
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(/target folder .*no\/such\/dir does not exist/);
});

test("an unknown report format is refused by the option parser", () => {
  const result = kata("grade", "--format", "pdf");
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/Allowed choices are json, md, junit/);
});

test("kata list names every exercise", () => {
  const result = kata("list");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/01-partitioning\/consistent-hashing/);
});

test("kata hint --all prints every hint of the exercise", () => {
  const result = kata("hint", "consistent-hashing", "--all");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/Hint 1 of \d+/);
});

test("a reader that goes away (kata reveal | head) ends the command quietly, exit 0", async () => {
  const child = spawn(process.execPath, [TSX_CLI, MAIN, "reveal", "consistent-hashing"], {
    cwd: targets.REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/EPIPE|Error/);
  expect(code).toBe(0);
});
