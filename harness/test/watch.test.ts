/**
 * `kata watch` as a person uses it: started on an exercise, it shows the first failure; a save
 * that fixes the code brings "every visible test passes"; h shows a hint; q ends it. Driven twice:
 * through pipes, and in a real terminal (tmux) where one is installed. The learner's folder is a
 * temporary copy (a folder target), so the workbook's own files are never touched.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog, type Exercise } from "../catalog/catalog";
import type { TestCaseResult } from "../run/run-tests";
import targets from "../resolve/targets.cjs";
import { TSX_CLI } from "../run/tools";
import { renderScreen, teachingLines, wrapLine } from "../watch/screen";
import { waitFor } from "./wait-for";

jest.setTimeout(150_000);

const MAIN = path.join(targets.REPO_ROOT, "harness", "cli", "main.ts");
const lru = loadCatalog().find((e) => e.meta.slug === "lru-cache") as Exercise;

/** A learner's folder holding the lru-cache stub, and the fix to save into it. */
function learnerCopy(): { root: string; src: string; fix: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), "kata-watch-"));
  const src = path.join(root, "03-caching", "lru-cache", "src");
  cpSync(lru.srcDir, src, { recursive: true });
  const fix = (): void => {
    for (const file of readdirSync(lru.referenceDir)) cpSync(path.join(lru.referenceDir, file), path.join(src, file));
  };
  return { root, src, fix };
}

describe("the screen", () => {
  const base = { exercise: lru, workbook: { passing: 2, total: 10 }, width: 80 };
  const failing: TestCaseResult = {
    file: "visible",
    name: "eviction > evicts the least recently used",
    status: "failed",
    fullMessage:
      "after get(a), set(c) evicted a: get refreshes an entry\n    at Object.<anonymous> (lru.test.ts:3:4)\n",
  };

  test("shows the count, the first failure's lesson without stack frames, and the keys", () => {
    const screen = renderScreen({
      ...base,
      run: { cases: [{ file: "visible", name: "ok", status: "passed" }, failing], elapsedMs: 1 },
    });
    expect(screen).toContain("1/2 tests pass");
    expect(screen).toContain("First failure: eviction > evicts the least recently used");
    expect(screen).toContain("get refreshes an entry");
    expect(screen).not.toContain("at Object.<anonymous>");
    expect(screen).toContain("2/10 exercises pass");
    expect(screen).toContain("h hint · b bench · n next exercise · q quit");
  });

  test("says when every test passes, and what comes next", () => {
    const screen = renderScreen({
      ...base,
      run: { cases: [{ file: "visible", name: "ok", status: "passed" }], elapsedMs: 1 },
      next: loadCatalog().find((e) => e.meta.slug === "ttl-cache") as Exercise,
    });
    expect(screen).toContain("Every visible test passes");
    expect(screen).toContain("n to go on to ttl-cache");
  });

  test("a run that crashed says why", () => {
    expect(renderScreen({ ...base, run: { cases: [], crash: "stopped after 120 s", elapsedMs: 1 } })).toContain(
      "The tests could not run: stopped after 120 s",
    );
  });

  test("long lines wrap at spaces to the width, continuing under a list item's text", () => {
    expect(wrapLine("  - one two three four five", 14)).toEqual(["  - one two", "    three four", "    five"]);
    expect(wrapLine('"a question that goes on"', 12)).toEqual(['"a question', " that goes", ' on"']);
    expect(wrapLine("short", 80)).toEqual(["short"]);
  });

  test("a long lesson is cut at 18 lines", () => {
    const lines = teachingLines(Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n"));
    expect(lines).toHaveLength(19);
    expect(lines.at(-1)).toBe("  ...");
  });
});

describe("kata watch, driven through pipes", () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let copy: ReturnType<typeof learnerCopy>;

  beforeEach(() => {
    copy = learnerCopy();
  });

  afterEach(() => {
    child?.kill("SIGKILL");
    rmSync(copy.root, { recursive: true, force: true });
  });

  test("first failure, a save that fixes it, a hint, quit", async () => {
    child = spawn(process.execPath, ["--import", "tsx", MAIN, "watch", "lru-cache", "--target", copy.root], {
      cwd: targets.REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: "0", KATA_PROGRESS_FILE: path.join(copy.root, "progress.json") },
    });
    let screen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString();
    });
    // The last drawn screen: everything after the last clear.
    const current = (): string => screen.slice(screen.lastIndexOf("\x1b[H") + 3);
    await waitFor(current, "First failure:");
    expect(current()).toMatch(/0\/\d+ tests pass/);
    expect(current()).toContain("is not implemented yet");

    copy.fix();
    await waitFor(current, "Every visible test passes");

    child.stdin.write("h");
    await waitFor(current, /Hint 1 of \d/);

    const exited = new Promise<number | null>((resolve) => child?.on("exit", resolve));
    child.stdin.write("q");
    expect(await exited).toBe(0);
  });
});

test("a save that loops forever is stopped at the time limit and reported; the next save runs again", async () => {
  const copy = learnerCopy();
  const entry = path.join(copy.src, "lru-cache.ts");
  // One process (tsx as a loader, not its CLI, which would run the command in a child): a kill reaches it.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", MAIN, "watch", "lru-cache", "--target", copy.root, "--time-limit", "20"],
    {
      cwd: targets.REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: "0", KATA_PROGRESS_FILE: path.join(copy.root, "progress.json") },
    },
  );
  let screen = "";
  child.stdout.on("data", (chunk: Buffer) => {
    screen += chunk.toString();
  });
  const current = (): string => screen.slice(screen.lastIndexOf("\x1b[H") + 3);
  try {
    await waitFor(current, "First failure:");
    copy.fix();
    writeFileSync(entry, `${readFileSync(entry, "utf8")}\nwhile (Date.length >= 0) {}\n`); // loops as the module loads
    await waitFor(current, "The tests could not run: stopped after 20 s"); // 20: a cold first run on a busy machine takes over 10
    copy.fix();
    await waitFor(current, "Every visible test passes");
  } finally {
    child.kill("SIGKILL");
    rmSync(copy.root, { recursive: true, force: true });
  }
});

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

(hasTmux ? describe : describe.skip)("kata watch in a real terminal (tmux)", () => {
  const session = `kata-watch-${process.pid}`;
  let copy: ReturnType<typeof learnerCopy>;
  const tmux = (...args: string[]): string => spawnSync("tmux", args, { encoding: "utf8" }).stdout;
  const screen = (): string => tmux("capture-pane", "-p", "-t", session);

  beforeEach(() => {
    copy = learnerCopy();
  });

  afterEach(() => {
    tmux("kill-session", "-t", session);
    rmSync(copy.root, { recursive: true, force: true });
  });

  test("the screen shows the failure, then the pass after a save; h and q work as keys", async () => {
    const command = [
      `cd ${JSON.stringify(targets.REPO_ROOT)}`,
      `KATA_PROGRESS_FILE=${JSON.stringify(path.join(copy.root, "progress.json"))} ${JSON.stringify(process.execPath)} ${JSON.stringify(TSX_CLI)} ${JSON.stringify(MAIN)} watch lru-cache --target ${JSON.stringify(copy.root)}`,
      "echo WATCH-ENDED $?",
      "sleep 60",
    ].join("; ");
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command);
    await waitFor(screen, "First failure:");
    copy.fix();
    await waitFor(screen, "Every visible test passes");
    tmux("send-keys", "-t", session, "h");
    await waitFor(screen, /Hint 1 of \d/);
    tmux("send-keys", "-t", session, "q");
    await waitFor(screen, "WATCH-ENDED 0");
  });
});
