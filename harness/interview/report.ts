/**
 * The report printed when an interview ends: what the tests and the bench found, the time used,
 * the hints and what they cost, then the self-evaluation areas as questions, each followed by the
 * reference's answer (the clock has stopped, so reading them is studying, not cheating).
 */
import { CORRECTNESS_POINTS, PERFORMANCE_POINTS, type ExerciseScore } from "../score/score";
import { SELF_EVALUATION, type SelfEvaluationArea } from "./interview-brief";
import { HINT_COST, mmss } from "./session";

export interface InterviewOutcome {
  score: ExerciseScore;
  elapsedMs: number;
  limitMs: number;
  hintsTaken: number;
  /** Why it ended. */
  ended: "finished" | "time";
  seed: number;
  /** The reference's answers; undefined in a copy without solutions/. */
  answers: Map<SelfEvaluationArea, string> | undefined;
}

/** The exercise's score less the hints' cost, never below 0, one decimal. */
export function interviewPoints(score: ExerciseScore, hintsTaken: number): number {
  return Math.max(0, Math.round((score.score - HINT_COST * hintsTaken) * 10) / 10);
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() === "" ? "" : `${by}${line}`))
    .join("\n");
}

export function renderInterviewReport(outcome: InterviewOutcome): string {
  const { score } = outcome;
  const c = score.correctness;
  const hidden =
    c.hiddenTotal > 0
      ? ` (visible ${c.visiblePassed}/${c.visibleTotal}, hidden ${c.hiddenPassed}/${c.hiddenTotal})`
      : "";
  const correctnessPoints = Math.round(CORRECTNESS_POINTS * c.fraction * 10) / 10;
  const performancePoints = Math.round(PERFORMANCE_POINTS * score.performance * 10) / 10;
  const lines = [
    `Interview report · ${score.id} · seed ${outcome.seed}`,
    "─".repeat(60),
    score.crash
      ? `Tests        could not run: ${score.crash}`
      : `Tests        ${c.passed}/${c.total} pass${hidden}: ${correctnessPoints} of ${CORRECTNESS_POINTS} points`,
    `Performance  ${performancePoints} of ${PERFORMANCE_POINTS} points${score.performanceNote ? ` (${score.performanceNote})` : ""}`,
    ...score.workloads.map(
      (w) =>
        `             ${w.name}: ${w.error ? `not measured (${w.error})` : `${w.ratio.toFixed(2)} of the reference, budget ${w.budget}`}`,
    ),
    `Time used    ${mmss(outcome.elapsedMs)} of ${mmss(outcome.limitMs)}${outcome.ended === "time" ? " (time ran out)" : ""}`,
    `Hints        ${outcome.hintsTaken} taken${outcome.hintsTaken > 0 ? `: -${HINT_COST * outcome.hintsTaken} points` : ""}`,
    `Score        ${interviewPoints(score, outcome.hintsTaken)} of 100`,
    "",
    "Self-evaluation. Answer each question aloud or in writing before you read the reference's answer:",
  ];
  SELF_EVALUATION.forEach(({ area, question }, i) => {
    lines.push("", `${i + 1}. ${area}: ${question}`);
    const answer = outcome.answers?.get(area);
    if (answer) lines.push(indent(answer, "   | "));
  });
  if (outcome.answers === undefined) {
    lines.push("", "(The reference's answers are not in this copy: solutions/ is kept by your instructor.)");
  }
  return `${lines.join("\n")}\n`;
}
