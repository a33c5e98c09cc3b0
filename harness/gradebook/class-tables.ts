/**
 * A class's results as the files an instructor takes elsewhere: a CSV for spreadsheets (a row per
 * student: the total, each exercise, each skill), and the results' own JSON for scripts.
 */
import { SKILLS } from "../catalog/exercise-meta";
import type { ClassResults } from "./gradebook";

export function classCsv(results: ClassResults): string {
  const skills = SKILLS.filter((skill) =>
    results.students.some((s) => s.workbook.skills.some((entry) => entry.skill === skill)),
  );
  const header = ["student", "total", ...results.exercises, ...skills.map((skill) => `skill: ${skill}`)];
  const rows = results.students.map((s) => [
    s.student,
    s.workbook.score,
    ...results.exercises.map((id) => s.workbook.exercises.find((e) => e.id === id)?.score ?? ""),
    ...skills.map((skill) => s.workbook.skills.find((entry) => entry.skill === skill)?.score ?? ""),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is defused. */
function csvField(value: string | number): string {
  let text = String(value);
  // A spreadsheet runs a cell that starts with these as a formula: a student folder named
  // "=HYPERLINK(...)" must stay text.
  if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
