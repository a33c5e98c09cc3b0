/**
 * The learner's progress as the commands show it: a short status per exercise (kata list, kata
 * watch) and the exercise to do next, with the reason (kata next). The file itself is kept by
 * progress-store.cjs, which the jest reporter shares.
 */
import type { Exercise } from "../catalog/catalog";
import store from "./progress-store.cjs";

export type Status = "not-started" | "failing" | "passing" | "done";

export interface ExerciseProgress {
  status: Status;
  passed?: number;
  total?: number;
  lastRun?: string;
  hintsTaken?: number;
  score?: number;
  gradedAt?: string;
}

export function readProgress(): Record<string, ExerciseProgress> {
  return store.readProgress().exercises;
}

const NOT_STARTED: ExerciseProgress = { status: "not-started" };

export function progressOf(progress: Record<string, ExerciseProgress>, exercise: Exercise): ExerciseProgress {
  return progress[exercise.id] ?? NOT_STARTED;
}

/** One cell for kata list: "done 87", "passing", "failing 9/14", or "-". */
export function statusLabel(entry: ExerciseProgress): string {
  const hints = entry.hintsTaken ? `, ${entry.hintsTaken} hint${entry.hintsTaken === 1 ? "" : "s"}` : "";
  switch (entry.status) {
    case "done":
      return `done ${entry.score ?? ""}`.trim() + hints;
    case "passing":
      return `passing${hints}`;
    case "failing":
      return `failing ${entry.passed ?? 0}/${entry.total ?? 0}${hints}`;
    case "not-started":
      return entry.lastRun !== undefined || hints ? `not started${hints}` : "-";
  }
}

const isPassed = (entry: ExerciseProgress): boolean => entry.status === "passing" || entry.status === "done";

export interface NextExercise {
  exercise: Exercise;
  why: string;
}

/**
 * What to work on next: the exercise most recently run that still fails (finish what you started),
 * else the first one in course order that does not pass yet. Undefined when every exercise passes.
 */
export function nextExercise(
  catalog: Exercise[],
  progress: Record<string, ExerciseProgress>,
): NextExercise | undefined {
  const failing = catalog
    .filter((e) => progressOf(progress, e).status === "failing")
    .sort((a, b) => (progressOf(progress, b).lastRun ?? "").localeCompare(progressOf(progress, a).lastRun ?? ""));
  const started = failing[0];
  if (started) {
    const entry = progressOf(progress, started);
    const left = (entry.total ?? 0) - (entry.passed ?? 0);
    return {
      exercise: started,
      why: `you started it: ${left} of ${entry.total ?? 0} visible tests still fail at the last run`,
    };
  }
  const next = catalog.find((e) => !isPassed(progressOf(progress, e)));
  if (!next) return undefined;
  // Everything before it in the course passes, its prerequisites included.
  const position = `number ${next.position} in the course, the first that does not pass yet`;
  const prerequisites = next.meta.prerequisites;
  const why = prerequisites.length === 0 ? position : `${position}; it builds on ${prerequisites.join(", ")}`;
  return { exercise: next, why };
}
