/**
 * kata export: the student copy holds no reference, hidden test or note, keeps a package.json that
 * npm ci accepts, and works: grading in it runs the tests and says who grades performance, and
 * reveal says the notes are kept by the instructor.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog, type Exercise } from "../catalog/catalog";
import { classroomWorkflow, exportStudentCopy, STUDENT_NOTE } from "../export/export";
import targets from "../resolve/targets.cjs";
import { TSX_CLI } from "../run/tools";

jest.setTimeout(120_000);

const lru = loadCatalog().find((e) => e.meta.slug === "lru-cache") as Exercise;
let parent: string;
let copy: string;

beforeAll(() => {
  parent = mkdtempSync(path.join(tmpdir(), "kata-export-"));
  copy = path.join(parent, "student");
  exportStudentCopy(copy, { classroom: true });
  symlinkSync(path.join(targets.REPO_ROOT, "node_modules"), path.join(copy, "node_modules")); // instead of npm ci
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function allFiles(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.name === "node_modules" ? [] : e.isDirectory() ? allFiles(dir, path.join(rel, e.name)) : [path.join(rel, e.name)],
  );
}

test("holds no reference, hidden test, variant, note or interview answer, and no author tooling", () => {
  const files = allFiles(copy);
  expect(
    files.filter((f) => /^solutions\/|hidden\.test\.ts$|NOTES\.md$|interview\.md$|mutation\.json$/.test(f)),
  ).toEqual([]);
  expect(files.filter((f) => f.startsWith("harness/test/") || f.startsWith(".ci/"))).toEqual([]);
  expect(files).toContain(path.join("exercises", lru.meta.track, lru.meta.slug, "hints.md"));
  const manifest = JSON.parse(readFileSync(path.join(copy, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  expect(Object.keys(manifest.scripts)).not.toContain("verify");
  expect(manifest.scripts.test).toBeDefined();
  expect(readFileSync(path.join(copy, "package-lock.json"), "utf8")).toBe(
    readFileSync(path.join(targets.REPO_ROOT, "package-lock.json"), "utf8"),
  );
  expect(readFileSync(path.join(copy, "README.md"), "utf8")).toContain(STUDENT_NOTE);
  expect(readFileSync(path.join(copy, ".github", "workflows", "classroom.yml"), "utf8")).toBe(
    classroomWorkflow(targets.REPO_ROOT),
  );
});

test("refuses a folder inside the workbook, or one that is not empty", () => {
  expect(() => exportStudentCopy(path.join(targets.REPO_ROOT, "student"), { classroom: false })).toThrow(
    /inside the workbook/,
  );
  expect(() => exportStudentCopy(copy, { classroom: false })).toThrow(/is not empty/);
});

test("works: grading runs the tests and says the instructor grades performance; reveal says where the notes are", () => {
  const kata = (...args: string[]): { out: string; status: number | null } => {
    const run = spawnSync(process.execPath, [TSX_CLI, path.join(copy, "harness", "cli", "main.ts"), ...args], {
      cwd: copy,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", KATA_PROGRESS_FILE: path.join(parent, "progress.json") },
    });
    return { out: `${run.stdout}${run.stderr}`, status: run.status };
  };
  const reveal = kata("reveal", "lru-cache");
  expect(reveal.out).toContain("the reference's notes are not in this copy: your instructor keeps solutions/");
  cpSync(lru.referenceDir, path.join(copy, "exercises", lru.meta.track, lru.meta.slug, "src"), { recursive: true });
  const grade = kata("grade", "lru-cache");
  expect(grade.out).toMatch(/03-caching\/lru-cache\s+│\s+\d+\/\d+\s+│/);
  expect(grade.out).toContain("this copy has no reference to measure against: your instructor grades performance");
  expect(grade.out).toContain("workbook score 70.0 / 100");
  expect(existsSync(path.join(copy, "solutions"))).toBe(false);
});
