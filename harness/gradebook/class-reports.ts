/** Writes a class's reports into one folder: results.json, gradebook.csv, report.html, junit/<student>.xml. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderReport } from "../report/formats";
import { classCsv } from "./class-tables";
import { classHtml } from "./class-html";
import { GradebookError } from "./errors";
import type { ClassResults } from "./gradebook";

export const RESULTS_FILE = "results.json";

export function writeClassReports(results: ClassResults, outDir: string, title: string): string[] {
  mkdirSync(path.join(outDir, "junit"), { recursive: true });
  const written: string[] = [];
  const write = (file: string, text: string): void => {
    writeFileSync(path.join(outDir, file), text);
    written.push(file);
  };
  write(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  write("gradebook.csv", classCsv(results));
  write("report.html", classHtml(results, title));
  for (const s of results.students)
    write(
      path.join("junit", `${fileNameOf(s.student)}.xml`),
      renderReport("junit", s.workbook, {
        target: s.student,
        hidden: results.hidden,
        generatedAt: results.generatedAt,
      }),
    );
  return written;
}

export function readClassResults(dir: string): ClassResults {
  const file = path.join(dir, RESULTS_FILE);
  if (!existsSync(file))
    throw new GradebookError(
      "MERGE",
      `${dir} has no ${RESULTS_FILE}: give the folders that kata gradebook --out wrote`,
    );
  const results = JSON.parse(readFileSync(file, "utf8")) as ClassResults;
  if (results.format !== 1) throw new GradebookError("MERGE", `${file} is not a gradebook result this version reads`);
  return results;
}

/** A student's name as a file name: letters, digits, dot, dash and underscore; anything else becomes _. */
function fileNameOf(student: string): string {
  return student.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
}
