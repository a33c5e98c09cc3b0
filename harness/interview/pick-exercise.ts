/**
 * Which exercise an interview asks: one the candidate has not passed yet, with an Interview
 * section, in the chosen track if any. The seed picks among them, so the same seed and the same
 * progress give the same question (a mock interview can be repeated, or shared with a partner).
 */
import { existsSync, readFileSync } from "node:fs";
import type { Exercise } from "../catalog/catalog";
import { UsageError } from "../cli/errors";
import { progressOf, type ExerciseProgress } from "../progress/progress";
import { readInterviewBrief, type InterviewBrief } from "./interview-brief";

export interface InterviewChoice {
  exercise: Exercise;
  brief: InterviewBrief;
  /** How many exercises it was chosen from. */
  outOf: number;
}

export interface PickOptions {
  /** A track (`04-messaging`, or its number `04`) to stay in. */
  track?: string;
  seed: number;
}

function briefOf(exercise: Exercise): InterviewBrief | undefined {
  return existsSync(exercise.readme) ? readInterviewBrief(readFileSync(exercise.readme, "utf8")) : undefined;
}

const inTrack = (exercise: Exercise, track: string): boolean =>
  exercise.meta.track === track || exercise.meta.track.startsWith(`${track}-`);

export function pickInterviewExercise(
  catalog: Exercise[],
  progress: Record<string, ExerciseProgress>,
  options: PickOptions,
): InterviewChoice {
  const { track } = options;
  if (track !== undefined && !catalog.some((e) => inTrack(e, track))) {
    const tracks = [...new Set(catalog.map((e) => e.meta.track))];
    throw new UsageError(`no track "${track}" has exercises yet: choose one of ${tracks.join(", ")}`);
  }
  const open = catalog
    .filter((e) => track === undefined || inTrack(e, track))
    .filter((e) => !["passing", "done"].includes(progressOf(progress, e).status))
    .flatMap((exercise) => {
      const brief = briefOf(exercise);
      return brief ? [{ exercise, brief }] : [];
    });
  if (open.length === 0) {
    throw new UsageError(
      `every exercise${track ? ` of ${track}` : ""} with an interview already passes for you: ` +
        `name one to practise again (kata interview <slug>)${track ? ", or choose another track" : ""}`,
    );
  }
  const chosen = open[Math.abs(Math.trunc(options.seed)) % open.length] as (typeof open)[number];
  return { ...chosen, outOf: open.length };
}

/** The brief of a named exercise, for `kata interview <slug>`; an exercise without one is refused. */
export function interviewOf(exercise: Exercise): InterviewChoice {
  const brief = briefOf(exercise);
  if (!brief) throw new UsageError(`${exercise.id} has no Interview section in its README yet: choose another`);
  return { exercise, brief, outOf: 1 };
}
