/**
 * Machine-readable and shareable reports of a grading run: JSON (everything), Markdown (for a pull
 * request or a course page), JUnit XML (for CI systems: one testcase per test and per budget) and
 * the result object GitHub Classroom's autograding reporter reads (one test per exercise).
 */
import { CORRECTNESS_POINTS, PERFORMANCE_POINTS, type WorkbookScore } from "../score/score";

export const REPORT_FORMATS = ["json", "md", "junit", "classroom"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportContext {
  target: string;
  hidden: boolean;
  generatedAt: string;
}

export function renderReport(format: ReportFormat, workbook: WorkbookScore, context: ReportContext): string {
  switch (format) {
    case "json":
      return `${JSON.stringify({ ...context, ...workbook }, null, 2)}\n`;
    case "md":
      return renderMarkdown(workbook, context);
    case "junit":
      return renderJunit(workbook, context);
    case "classroom":
      return `${JSON.stringify(classroomResult(workbook), null, 2)}\n`;
  }
}

/**
 * What github-education-resources/autograding-grading-reporter reads from a runner (as base64 in
 * the <RUNNER>_RESULTS variable, docs/classroom.md): every exercise is a test worth 100 points,
 * scored as the workbook scores it, and passed once it is done (every test and every budget).
 */
export interface ClassroomResult {
  version: 1;
  status: "pass" | "fail" | "error";
  max_score: number;
  tests: {
    name: string;
    status: "pass" | "fail" | "error";
    score: number;
    message: string;
    test_code: string;
    filename: string;
    line_no: number;
    execution_time: string;
  }[];
}

export function classroomResult(workbook: WorkbookScore): ClassroomResult {
  const tests = workbook.exercises.map((e) => ({
    name: e.id,
    status: e.crash ? ("error" as const) : e.state === "done" ? ("pass" as const) : ("fail" as const),
    score: e.score,
    message:
      e.crash ??
      `${e.correctness.passed}/${e.correctness.total} tests pass; performance ${Math.round(e.performance * 100)}%` +
        (e.performanceNote ? ` (${e.performanceNote})` : "") +
        `: ${e.score} of 100`,
    test_code: `npx kata grade ${e.slug}`,
    filename: `exercises/${e.id}/src`,
    line_no: 0,
    execution_time: "",
  }));
  const status = tests.some((t) => t.status === "error")
    ? "error"
    : tests.every((t) => t.status === "pass")
      ? "pass"
      : "fail";
  return { version: 1, status, max_score: 100 * tests.length, tests };
}

function renderMarkdown(workbook: WorkbookScore, context: ReportContext): string {
  const lines = [
    `# Workbook scorecard`,
    ``,
    `Target \`${context.target}\`${context.hidden ? ", with hidden tests" : ""}; ${context.generatedAt}.`,
    `Score = ${CORRECTNESS_POINTS} x tests passed / total + ${PERFORMANCE_POINTS} x mean of min(1, ratio / budget), performance counted once every test run passes.`,
    ``,
    `| exercise | tests | performance | score | state |`,
    `|---|---|---|---|---|`,
  ];
  for (const e of workbook.exercises) {
    const perf = e.workloads.length
      ? e.workloads.map((w) => `${w.name}: ${w.ratio.toFixed(2)} / ${w.budget}`).join("<br>")
      : (e.performanceNote ?? "-");
    lines.push(
      `| ${e.id} | ${e.crash ? "crashed" : `${e.correctness.passed}/${e.correctness.total}`} | ${perf} | ${e.score.toFixed(1)} | ${e.state} |`,
    );
  }
  lines.push(
    ``,
    `**Workbook score: ${workbook.score.toFixed(1)} / 100**`,
    ``,
    `| skill | score | exercises |`,
    `|---|---|---|`,
  );
  for (const s of workbook.skills) lines.push(`| ${s.skill} | ${s.score.toFixed(1)} | ${s.exercises} |`);
  const notes = workbook.exercises.flatMap((e) => [
    ...(e.crash ? [`- ${e.id}: ${e.crash}`] : []),
    ...(e.typeErrors ?? []).map((t) => `- ${e.id}: type error (not scored): ${t}`),
    ...e.workloads.map((w) => `- ${e.id} / ${w.name}: ${w.error ?? w.detail}`),
  ]);
  if (notes.length > 0) lines.push(``, `## How the figures were got`, ``, ...notes);
  return `${lines.join("\n")}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function renderJunit(workbook: WorkbookScore, context: ReportContext): string {
  const suites = workbook.exercises.map((e) => {
    const cases: string[] = [];
    if (e.crash)
      cases.push(
        `    <testcase classname="${xml(e.id)}" name="tests run"><failure message="${xml(e.crash)}"/></testcase>`,
      );
    for (const t of e.tests) {
      const body =
        t.status === "failed"
          ? `<failure message="${xml(t.message ?? "failed")}"/>`
          : t.status === "skipped"
            ? "<skipped/>"
            : "";
      cases.push(`    <testcase classname="${xml(`${e.id} (${t.file})`)}" name="${xml(t.name)}">${body}</testcase>`);
    }
    for (const w of e.workloads) {
      const failure =
        w.error ??
        (w.score < 1 ? `ratio ${w.ratio.toFixed(3)} is under the budget ${w.budget}: ${w.detail}` : undefined);
      cases.push(
        `    <testcase classname="${xml(`${e.id} (budget)`)}" name="${xml(w.name)}">${failure ? `<failure message="${xml(failure)}"/>` : ""}</testcase>`,
      );
    }
    const failures = cases.filter((c) => c.includes("<failure")).length;
    const skipped = cases.filter((c) => c.includes("<skipped")).length;
    return [
      `  <testsuite name="${xml(e.id)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">`,
      `    <properties><property name="score" value="${e.score}"/><property name="state" value="${xml(e.state)}"/></properties>`,
      ...cases,
      `  </testsuite>`,
    ].join("\n");
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="kata workbook (target ${xml(context.target)})" timestamp="${context.generatedAt}">`,
    ...suites,
    `</testsuites>`,
    ``,
  ].join("\n");
}
