/**
 * The picture a failing simulated test leaves: an HTML page with a sequence diagram of the run's
 * last events. Checked by what the SVG holds, and, where Chromium is installed, by what a real
 * browser makes of the page (a screenshot, and the parsed document's lanes and arrows).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import targets from "../resolve/targets.cjs";
import { forEachSeed } from "../sim/seeds";
import { Simulation, type NodeContext, type SimNode } from "../sim/simulation";

jest.setTimeout(60_000);

interface Vote {
  type: "RequestVote" | "Vote";
}

/** Asks everyone for a vote once; answers every request. */
class Voter implements SimNode<Vote> {
  votes = 0;

  constructor(private readonly ctx: NodeContext<Vote>) {
    if (ctx.id === "n1") ctx.setTimer(5, () => ctx.peers.forEach((peer) => ctx.send(peer, { type: "RequestVote" })));
  }

  onMessage(from: string, message: Vote): void {
    if (message.type === "RequestVote") this.ctx.send(from, { type: "Vote" });
    else this.votes += 1;
  }
}

/** A run with every kind of mark: messages, a loss, a crash, a partition, a heal, a broken rule. */
function failingRun(): string {
  const saved = process.env.KATA_PICTURES;
  delete process.env.KATA_PICTURES;
  try {
    forEachSeed(1, (seed) => {
      const sim = new Simulation<Vote, Voter>({
        seed,
        nodeIds: ["n1", "n2", "n3", "n4"],
        createNode: (ctx) => new Voter(ctx),
      });
      sim.crash("n4");
      sim.partition(["n1", "n2", "n3"], ["n4"]);
      sim.heal();
      sim.block("n3", "n1"); // n3's vote is lost on the way
      sim.addInvariant("n1 never has 2 votes", () => ((sim.node("n1")?.votes ?? 0) >= 1 ? "n1 has a vote" : undefined));
      sim.runFor(100);
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    if (saved !== undefined) process.env.KATA_PICTURES = saved;
  }
  throw new Error("the run was expected to fail");
}

const message = failingRun();
const relative = /A picture of the run \(open it in a browser\): (\S+\.html)/.exec(message)?.[1];
const file = relative ? path.resolve(process.cwd(), relative) : "";
const count = (html: string, cls: string): number => html.split(`class="${cls}"`).length - 1;

afterAll(() => {
  if (file) rmSync(file, { force: true });
});

test("a failing seed names the picture it wrote, under .kata/failures", () => {
  expect(relative).toBeDefined();
  expect(file.startsWith(path.join(targets.REPO_ROOT, ".kata", "failures"))).toBe(true);
  expect(existsSync(file)).toBe(true);
});

test("the picture has a lane per node, arrows for delivered messages, a cross for the lost one, and the broken rule", () => {
  const html = readFileSync(file, "utf8");
  expect(count(html, "lane")).toBe(4);
  expect(html).toContain(">n4</text>");
  expect(count(html, "message")).toBeGreaterThanOrEqual(2); // RequestVote to n2 and n3, Vote from n2
  expect(count(html, "cross")).toBeGreaterThanOrEqual(1); // n3's vote, blocked
  expect(count(html, "crash")).toBe(1);
  expect(count(html, "partition")).toBeGreaterThanOrEqual(1);
  expect(count(html, "heal")).toBe(1);
  expect(count(html, "violation")).toBe(1);
  expect(html).toContain("broken: n1 never has 2 votes: n1 has a vote");
  expect(html).toContain("KATA_REPLAY=1 npx kata test");
});

const chromium = ["chromium", "chromium-browser", "google-chrome"].find(
  (name) => spawnSync(name, ["--version"], { encoding: "utf8" }).status === 0,
);

(chromium ? describe : describe.skip)("in a real browser (headless Chromium)", () => {
  const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"];

  test("the page renders, and the parsed document holds the lanes, arrows and marks", () => {
    const dom = spawnSync(chromium as string, [...flags, "--dump-dom", `file://${file}`], { encoding: "utf8" });
    expect(dom.status).toBe(0);
    expect(count(dom.stdout, "lane")).toBe(4);
    expect(count(dom.stdout, "message")).toBeGreaterThanOrEqual(2);
    expect(count(dom.stdout, "violation")).toBe(1);
    const out = mkdtempSync(path.join(tmpdir(), "kata-picture-"));
    const png = path.join(out, "picture.png");
    const shot = spawnSync(chromium as string, [
      ...flags,
      `--screenshot=${png}`,
      "--window-size=1000,1400",
      `file://${file}`,
    ]);
    expect(shot.status).toBe(0);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    rmSync(out, { recursive: true, force: true });
  });
});
