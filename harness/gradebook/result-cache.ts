/**
 * Results of grading one exercise of one submission, stored by key in files of their own. A file
 * is written whole or not at all (written aside, then renamed), so a run killed half-way leaves
 * only complete results, and the next run continues from them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchReport } from "../bench/result";
import type { TestRunResult } from "../run/run-tests";

export interface GradedRun {
  exercise: string;
  /** The test run, hidden tests included when the gradebook ran them. */
  run: TestRunResult;
  /** Absent until measured, and for a run whose tests did not all pass. */
  bench?: BenchReport;
  gradedAt: string;
}

export class ResultCache {
  constructor(readonly dir: string) {}

  get(key: string): GradedRun | undefined {
    const file = this.fileOf(key);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, "utf8")) as GradedRun;
    } catch {
      return undefined; // unreadable: graded again, and overwritten
    }
  }

  put(key: string, result: GradedRun): void {
    const file = this.fileOf(key);
    mkdirSync(path.dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify(result));
    renameSync(aside, file);
  }

  private fileOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
