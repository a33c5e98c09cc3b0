/**
 * What `kata watch` shows after each run, as plain text (a pure function of the run, so it is
 * tested without a terminal): where the learner is, how many tests pass, the first failure's
 * teaching message, and the keys.
 */
import type { Exercise } from "../catalog/catalog";
import type { TestRunResult } from "../run/run-tests";
import { HINT_COST } from "../interview/session";

export interface ScreenState {
  exercise: Exercise;
  /** Undefined while the first run is still going. */
  run?: TestRunResult;
  /** Exercises whose visible tests pass, over the whole workbook. */
  workbook: { passing: number; total: number };
  /** The exercise after this one in course order, for the "next" key. */
  next?: Exercise;
  /** Type errors in the learner's code, as "src/x.ts:12:5 message" lines: shown first. */
  typeProblems?: string[];
  /** A line from the last key pressed (a hint, a bench's result), shown under the failure. */
  notice?: string;
  /** "saved 12:01:03, ran in 1.2 s". */
  status?: string;
  /** Set in an interview: the countdown ("31:12 left of 45:00") replaces the workbook's progress. */
  countdown?: string;
  /** Set in an interview: the question, requirements and scale, kept in view while the candidate works. */
  brief?: string;
  width: number;
}

const MAX_FAILURE_LINES = 18;

export function bar(done: number, total: number, width: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
}

/** The failure message without jest's stack frames and code frame noise, at most MAX_FAILURE_LINES lines. */
export function teachingLines(message: string): string[] {
  const lines = message.split("\n").map((line) => line.trimEnd());
  const kept = lines.filter((line) => !/^\s+at /.test(line));
  while (kept.length > 0 && kept.at(-1)?.trim() === "") kept.pop();
  return kept.length > MAX_FAILURE_LINES ? [...kept.slice(0, MAX_FAILURE_LINES), "  ..."] : kept;
}

/**
 * Breaks a line at spaces to fit `width`, continuing under its text: after the indent, a list
 * item's "- " or a quotation's opening mark. A word longer than the width stays whole.
 */
export function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const hang = " ".repeat((/^\s*(?:- |"|\d+\. )?/.exec(line)?.[0] ?? "").length);
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const out: string[] = [];
  let current = indent;
  for (const word of line.slice(indent.length).split(" ")) {
    const candidate = current.trim() === "" ? `${current}${word}` : `${current} ${word}`;
    if (candidate.length > width && current.trim() !== "") {
      out.push(current);
      current = `${hang}${word}`;
    } else {
      current = candidate;
    }
  }
  out.push(current);
  return out;
}

const wrap = (text: string, width: number): string[] => text.split("\n").flatMap((line) => wrapLine(line, width));

export function renderScreen(state: ScreenState): string {
  const { exercise, run } = state;
  const rule = "─".repeat(Math.max(20, Math.min(state.width, 100)));
  const interview = state.countdown !== undefined;
  const out: string[] = [
    interview
      ? `kata interview · ${exercise.id} · ${state.countdown ?? ""}`
      : `kata watch · ${exercise.id} · ${exercise.meta.title}`,
    rule,
  ];
  const columns = Math.max(40, state.width);
  if (state.brief) out.push(...wrap(state.brief, columns), rule);
  if (run === undefined) {
    out.push("running the tests...");
  } else if (run.crash !== undefined) {
    out.push(`The tests could not run: ${run.crash}`);
  } else {
    const ran = run.cases.filter((c) => c.status !== "skipped");
    const passed = ran.filter((c) => c.status === "passed").length;
    out.push(`${bar(passed, ran.length, 20)}  ${passed}/${ran.length} tests pass`);
    const types = state.typeProblems ?? [];
    if (types.length > 0) {
      out.push("", `${types.length} type error(s) (the tests ran the code anyway, as plain JavaScript):`);
      out.push(...types.slice(0, 8).map((line) => `  ${line}`), ...(types.length > 8 ? ["  ..."] : []));
    }
    const failure = ran.find((c) => c.status === "failed");
    if (failure) {
      out.push("", `First failure: ${failure.name}`, "");
      out.push(
        ...teachingLines(failure.fullMessage ?? failure.message ?? "").flatMap((line) =>
          wrapLine(`  ${line}`, columns),
        ),
      );
    } else if (interview) {
      out.push(
        "",
        "Every visible test passes. Press b to measure it against the reference, or q to finish: the report runs the hidden tests too.",
      );
    } else {
      out.push(
        "",
        `Every visible test passes. Press b to measure it against the reference` +
          (state.next ? `, or n to go on to ${state.next.meta.slug}.` : "; it is the last exercise of the course."),
      );
    }
  }
  if (!interview) {
    out.push(
      "",
      `workbook ${bar(state.workbook.passing, state.workbook.total, 20)}  ${state.workbook.passing}/${state.workbook.total} exercises pass`,
    );
  }
  if (state.notice) out.push("", ...wrap(state.notice, columns));
  const keys = interview
    ? `h hint (-${HINT_COST} points) · b bench · q finish and see the report`
    : "h hint · b bench · n next exercise · q quit";
  out.push(rule, `${keys}${state.status ? `    (${state.status})` : ""}`);
  return `${out.join("\n")}\n`;
}
