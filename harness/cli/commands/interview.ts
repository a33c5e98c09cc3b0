/**
 * `kata interview [slug] [--minutes 45] [--track T] [--seed N]`: a mock system-design interview.
 * It picks an exercise the candidate has not passed, states it as an interviewer would
 * (requirements first, then scale), and runs the watch screen with a countdown; hints cost points.
 * When the candidate presses q or the time is up, it grades the exercise (hidden tests included
 * where this copy has them, then the bench) and prints the report with the self-evaluation
 * questions and, now that the clock has stopped, the reference's answers. The report is also
 * saved under .kata/interviews/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Exercise } from "../../catalog/catalog";
import { gradeExercises } from "../../grade/grade";
import type { InterviewBrief } from "../../interview/interview-brief";
import { readReferenceAnswers } from "../../interview/interview-brief";
import { interviewOf, pickInterviewExercise, type InterviewChoice } from "../../interview/pick-exercise";
import { renderInterviewReport, interviewPoints, type InterviewOutcome } from "../../interview/report";
import { InterviewSession, mmss, type InterviewClock } from "../../interview/session";
import store from "../../progress/progress-store.cjs";
import { readProgress } from "../../progress/progress";
import { everyTestPasses } from "../../score/score";
import { watch, watchedFolder } from "../../watch/watch";

export interface InterviewOptions {
  minutes: number;
  track?: string;
  /** Chooses among the open exercises; random (and printed, to repeat it) when not given. */
  seed?: number;
  target: string;
  bench: boolean;
  input: NodeJS.ReadStream | NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  clock?: InterviewClock;
  /** How often the countdown is redrawn, in ms. */
  tickMs?: number;
}

/** The brief as the screen shows it: the question, then what is required, then the figures. */
export function renderBrief(exercise: Exercise, brief: InterviewBrief, target: string): string {
  const list = (items: string[]): string[] => items.map((item) => `  - ${item}`);
  const where = path.relative(process.cwd(), watchedFolder(exercise, target)) || ".";
  return [
    `"${brief.question}"`,
    "",
    "Requirements",
    ...list(brief.requirements),
    "Scale",
    ...list(brief.scale),
    "",
    `Your code: ${where}/ (the API and rules are in its README; the clock is running).`,
  ].join("\n");
}

export async function interviewCommand(
  catalog: Exercise[],
  named: Exercise | undefined,
  options: InterviewOptions,
): Promise<InterviewOutcome> {
  const seed = options.seed ?? Math.floor(Math.random() * 1000);
  const choice: InterviewChoice =
    named !== undefined
      ? interviewOf(named)
      : pickInterviewExercise(catalog, readProgress(), { seed, ...(options.track ? { track: options.track } : {}) });
  const { exercise } = choice;
  const session = new InterviewSession(options.clock ?? { now: () => Date.now() }, options.minutes * 60_000);
  const end = await watch(catalog, exercise, {
    target: options.target,
    input: options.input,
    output: options.output,
    interview: {
      session,
      brief: renderBrief(exercise, choice.brief, options.target),
      ...(options.tickMs ? { tickMs: options.tickMs } : {}),
    },
  });

  options.output.write(
    `${end === "time" ? "Time is up." : `Finished after ${mmss(session.elapsedMs())}.`} Grading ${exercise.id}: every test, then the bench...\n`,
  );
  const hidden = existsSync(exercise.hiddenTest);
  const workbook = await gradeExercises([exercise], { target: options.target, hidden, bench: options.bench });
  const score = workbook.exercises[0];
  if (score === undefined) throw new Error(`grading ${exercise.id} returned no score`);
  const outcome: InterviewOutcome = {
    score,
    elapsedMs: session.elapsedMs(),
    limitMs: session.limitMs,
    hintsTaken: session.hintsTaken(),
    ended: end === "time" ? "time" : "finished",
    seed,
    answers: existsSync(exercise.interviewAnswers)
      ? readReferenceAnswers(readFileSync(exercise.interviewAnswers, "utf8"))
      : undefined,
  };
  const report = renderInterviewReport(outcome);
  options.output.write(report);
  if (options.target === "exercises") {
    store.recordGrade(exercise.id, {
      score: interviewPoints(score, outcome.hintsTaken),
      allTestsPass: score.crash === undefined && everyTestPasses(score.correctness),
    });
  }
  // Beside the progress file (.kata/ in the learner's copy), where the candidate keeps their history.
  const saved = path.join(
    path.dirname(store.progressFile()),
    "interviews",
    `${exercise.meta.slug}-${new Date(session.startedAt).toISOString().replace(/[:.]/g, "-")}.txt`,
  );
  mkdirSync(path.dirname(saved), { recursive: true });
  writeFileSync(saved, report);
  options.output.write(`report saved to ${path.relative(process.cwd(), saved)}\n`);
  return outcome;
}
