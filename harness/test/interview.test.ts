/**
 * kata interview: the choice of exercise, the brief, the clock and the report as pure pieces, then
 * a whole interview driven as a candidate lives it, on a virtual clock: the brief and the countdown
 * on screen, a hint that costs points, a save that fixes the code, the time running out, and the
 * report with the self-evaluation and the reference's answers.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { loadCatalog, type Exercise } from "../catalog/catalog";
import { interviewCommand } from "../cli/commands/interview";
import {
  interviewBriefProblems,
  missingAnswers,
  readInterviewBrief,
  SELF_EVALUATION,
} from "../interview/interview-brief";
import { pickInterviewExercise } from "../interview/pick-exercise";
import { interviewPoints, renderInterviewReport, type InterviewOutcome } from "../interview/report";
import { HINT_COST, InterviewSession, mmss } from "../interview/session";
import type { ExerciseProgress } from "../progress/progress";
import { scoreExercise } from "../score/score";
import { waitFor } from "./wait-for";

jest.setTimeout(150_000);

const catalog = loadCatalog();
const bySlug = (slug: string): Exercise => catalog.find((e) => e.meta.slug === slug) as Exercise;
const ring = bySlug("consistent-hashing");
const withBrief = catalog.filter((e) => readInterviewBrief(readFileSync(e.readme, "utf8")) !== undefined);

const README = `# X

## Follow-up questions

- one

## Interview

> Our cache falls over
> when a server joins.

**Requirements.**
- every client agrees
- few keys move,
  even at scale

**Scale.**
- 10 servers
`;

describe("the brief in a README", () => {
  test("reads the quoted question, then the requirements and scale lists, wrapped lines joined", () => {
    expect(readInterviewBrief(README)).toEqual({
      question: "Our cache falls over when a server joins.",
      requirements: ["every client agrees", "few keys move, even at scale"],
      scale: ["10 servers"],
    });
    expect(interviewBriefProblems(README)).toEqual([]);
  });

  test("says what an incomplete section lacks", () => {
    expect(interviewBriefProblems("# X\n")).toEqual(["no ## Interview section"]);
    expect(interviewBriefProblems("## Interview\n\n**Requirements.**\n- a\n")).toEqual([
      "no question (a > quoted paragraph, in the interviewer's words)",
      "no **Scale.** list (figures that size the system)",
    ]);
  });

  test("the reference's answers: every area is named when missing", () => {
    expect(missingAnswers("## Requirements\n\nask first\n\n## API\n\nget, set\n")).toEqual(
      SELF_EVALUATION.map((s) => s.area).filter((a) => a !== "Requirements" && a !== "API"),
    );
  });
});

describe("choosing the exercise", () => {
  const passing: ExerciseProgress = { status: "passing" };

  test("the same seed and progress choose the same exercise; the choice is among those not passed", () => {
    const progress = { [ring.id]: passing };
    const first = pickInterviewExercise(catalog, progress, { seed: 3 });
    expect(pickInterviewExercise(catalog, progress, { seed: 3 }).exercise.id).toBe(first.exercise.id);
    expect(first.outOf).toBe(withBrief.length - 1);
    for (let seed = 0; seed < 20; seed++)
      expect(pickInterviewExercise(catalog, progress, { seed }).exercise.id).not.toBe(ring.id);
  });

  test("a track, by name or number, keeps the choice inside it", () => {
    for (const track of ["01-partitioning", "01"])
      for (let seed = 0; seed < 5; seed++)
        expect(pickInterviewExercise(catalog, {}, { seed, track }).exercise.meta.track).toBe("01-partitioning");
  });

  test("an unknown track, or nothing left to practise, is refused with what to do", () => {
    expect(() => pickInterviewExercise(catalog, {}, { seed: 0, track: "99" })).toThrow(/no track "99".*choose one of/);
    const everything = Object.fromEntries(catalog.map((e) => [e.id, passing]));
    expect(() => pickInterviewExercise(catalog, everything, { seed: 0 })).toThrow(
      /already passes for you: name one to practise again/,
    );
  });
});

describe("the clock", () => {
  test("counts down on the injected clock, and stopping keeps the time used, never past the limit", () => {
    let now = 1_000;
    const session = new InterviewSession({ now: () => now }, 45 * 60_000);
    expect(session.countdown()).toBe("45:00 left of 45:00");
    now += 10 * 60_000 + 500;
    expect(session.countdown()).toBe("34:60 left of 45:00".replace("34:60", mmss(34 * 60_000 + 59_500)));
    expect(session.isOver()).toBe(false);
    now += 60 * 60_000;
    expect(session.isOver()).toBe(true);
    expect(session.countdown()).toBe("time is up (45:00)");
    session.stop();
    now += 5_000;
    expect(session.elapsedMs()).toBe(45 * 60_000);
  });

  test("finishing early keeps the time at the moment of stopping", () => {
    let now = 0;
    const session = new InterviewSession({ now: () => now }, 45 * 60_000);
    now = 12 * 60_000;
    session.stop();
    now = 40 * 60_000;
    expect(session.elapsedMs()).toBe(12 * 60_000);
    expect(session.isOver()).toBe(true);
  });
});

describe("the report", () => {
  const allPass = scoreExercise(
    ring,
    {
      cases: [
        { file: "visible", name: "a", status: "passed" },
        { file: "hidden", name: "b", status: "passed" },
      ],
      elapsedMs: 1,
    },
    undefined,
  );
  const outcome = (over: Partial<InterviewOutcome>): InterviewOutcome => ({
    score: allPass,
    elapsedMs: 30 * 60_000,
    limitMs: 45 * 60_000,
    hintsTaken: 0,
    ended: "finished",
    seed: 9,
    answers: new Map([["Requirements", "ask who the clients are"]]),
    ...over,
  });

  test("hints cost points, and the score never goes below 0", () => {
    expect(interviewPoints(allPass, 2)).toBe(70 - 2 * HINT_COST);
    expect(interviewPoints(allPass, 100)).toBe(0);
  });

  test("tests, time, hints and score, then each area's question with the reference's answer under it", () => {
    const text = renderInterviewReport(outcome({ hintsTaken: 2 }));
    expect(text).toContain("Tests        2/2 pass (visible 1/1, hidden 1/1): 70 of 70 points");
    expect(text).toContain("Time used    30:00 of 45:00\n");
    expect(text).toContain(`Hints        2 taken: -${2 * HINT_COST} points`);
    expect(text).toContain(`Score        ${70 - 2 * HINT_COST} of 100`);
    expect(text).toContain(`1. Requirements: ${SELF_EVALUATION[0].question}\n   | ask who the clients are`);
    expect(text).toContain(`7. Failure handling: ${SELF_EVALUATION[6].question}`);
  });

  test("a copy without solutions says where the answers are", () => {
    expect(renderInterviewReport(outcome({ answers: undefined }))).toContain(
      "The reference's answers are not in this copy",
    );
  });
});

test("a whole interview on a virtual clock: brief and countdown, a hint, a fix, time up, the report", async () => {
  const lru = bySlug("lru-cache"); // its tests, hidden ones included, run in seconds
  const root = mkdtempSync(path.join(tmpdir(), "kata-interview-"));
  const src = path.join(root, lru.meta.track, lru.meta.slug, "src");
  cpSync(lru.srcDir, src, { recursive: true });
  const progressFile = path.join(root, "progress.json");
  const before = process.env.KATA_PROGRESS_FILE;
  process.env.KATA_PROGRESS_FILE = progressFile;
  let screen = "";
  const output = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      screen += chunk.toString();
      done();
    },
  });
  const current = (): string => screen.slice(screen.lastIndexOf("\x1b[H") + 3);
  const input = new PassThrough();
  let now = 0;
  let finished: Promise<InterviewOutcome> | undefined;
  let settled = false;
  try {
    finished = interviewCommand(catalog, lru, {
      minutes: 45,
      seed: 5,
      target: root,
      bench: false,
      input,
      output,
      clock: { now: () => now },
      tickMs: 20,
    }).finally(() => {
      settled = true;
    });
    await waitFor(current, "First failure:");
    expect(current()).toContain(`kata interview · ${lru.id} · 45:00 left of 45:00`);
    const brief = readInterviewBrief(readFileSync(lru.readme, "utf8"));
    const unwrapped = current().replace(/\n {1,4}(?=\S)(?!- )/g, " "); // the screen wraps long lines
    expect(unwrapped).toContain(`"${brief?.question ?? "the question"}"`);
    expect(unwrapped).toContain(`Requirements\n  - ${brief?.requirements[0] ?? "the first requirement"}`);
    expect(current()).not.toContain("exercises pass"); // the workbook's progress is not the point here

    now = 10 * 60_000;
    await waitFor(current, "35:00 left of 45:00");
    input.write("h");
    await waitFor(current, new RegExp(`Hint 1 of \\d+ \\(-${HINT_COST} points\\)`));

    for (const file of readdirSync(lru.referenceDir)) cpSync(path.join(lru.referenceDir, file), path.join(src, file));
    await waitFor(current, "Every visible test passes");
    input.write("n"); // no next exercise in an interview
    now = 46 * 60_000;
    const outcome = await finished;

    expect(outcome.ended).toBe("time");
    expect(outcome.elapsedMs).toBe(45 * 60_000);
    expect(outcome.hintsTaken).toBe(1);
    expect(outcome.score.correctness.hiddenTotal).toBeGreaterThan(0);
    expect(outcome.score.correctness.passed).toBe(outcome.score.correctness.total);
    expect(screen).toContain(`Time is up. Grading ${lru.id}`);
    expect(screen).toContain("Time used    45:00 of 45:00 (time ran out)");
    expect(screen).toContain(`Score        ${70 - HINT_COST} of 100`);
    for (const { area } of SELF_EVALUATION) expect(screen).toMatch(new RegExp(`\\d\\. ${area}: .*\\n   \\| \\S`));
    const saved = path.join(root, "interviews");
    expect(existsSync(saved) && readdirSync(saved)).toHaveLength(1);
  } finally {
    // A failed expectation must not leave the watch running (its jest child would keep jest alive).
    if (finished && !settled) {
      input.write("q");
      await finished.catch(() => undefined);
    }
    if (before === undefined) delete process.env.KATA_PROGRESS_FILE;
    else process.env.KATA_PROGRESS_FILE = before;
    rmSync(root, { recursive: true, force: true });
  }
});
