/**
 * A submission cannot reach what it is graded against. Tried as a dishonest student would: each
 * way of loading the reference, another exercise, a package that does the job, or a file reader,
 * is refused with a message naming it, by the scan before the tests (the usual ways) and by the
 * resolver while they run (a path computed at run time). Honest code, every reference included,
 * passes the fence.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog, loadDrafts, type Exercise } from "../catalog/catalog";
import { scanSubmission } from "../grade/submission-scan";
import targets from "../resolve/targets.cjs";
import { DEFAULT_TEST_LIMITS, runExerciseTests, runTestFiles } from "../run/run-tests";

jest.setTimeout(60_000);

const catalog = loadCatalog();
const bySlug = (slug: string): Exercise => catalog.find((e) => e.meta.slug === slug) as Exercise;
const ring = bySlug("consistent-hashing");
const lru = bySlug("lru-cache");

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "kata-fence-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A submission of `exercise` holding the reference, with `file` replaced by `code` when given. */
function submission(exercise: Exercise, file?: string, code?: string): string {
  const src = path.join(root, exercise.meta.track, exercise.meta.slug, "src");
  cpSync(exercise.referenceDir, src, { recursive: true });
  if (file !== undefined && code !== undefined) writeFileSync(path.join(src, file), code);
  return src;
}

describe("the scan before the tests", () => {
  test.each([
    ["a file reader", `import { readFileSync } from "node:fs";\nexport const x = readFileSync;`, `imports "node:fs"`],
    ["fs without its prefix", `import * as fs from "fs";\nexport const x = fs;`, `imports "fs"`],
    ["a process launcher", `export const x = require("child_process");`, `imports "child_process"`],
    ["a package that does the job", `export { LRUCache } from "lru-cache";`, `imports "lru-cache"`],
    [
      "a harness helper this exercise does not give",
      `export { SmallLru } from "#kata/small-lru";`,
      `imports "#kata/small-lru"`,
    ],
    [
      "a require of a computed path",
      `export const x = require(["..", "..", "solutions"].join("/"));`,
      "requires a computed path",
    ],
    ["an import() of a computed path", `export const x = () => import("../" + "x");`, "imports a computed path"],
    [
      "the reference by a relative path",
      `export * from "../../../../solutions/03-caching/lru-cache/src/lru-cache";`,
      "a file outside this exercise's src/",
    ],
    ["require.main", `export const x = require.main;`, "uses require other than to call it with a fixed name"],
    ["the module object", `export const x = module;`, `uses "module"`],
    ["the module wrapper's arguments", `export const x = arguments[1];`, `uses "arguments"`],
    ["eval", `export const x = eval("1");`, `uses "eval"`],
    ["the Function constructor", `export const x = new Function("return 1");`, `uses "Function"`],
    ["the Function constructor by .constructor", `export const x = (() => 0).constructor;`, "through .constructor"],
    ["process.binding", `export const x = process.binding;`, "uses process.binding"],
    ["process.getBuiltinModule", `export const x = process.getBuiltinModule;`, "uses process.getBuiltinModule"],
    ["process through globalThis", `export const x = globalThis.process;`, "uses globalThis.process"],
    ["jest's own loader", `export const x = jest.requireActual;`, `uses "jest"`],
  ])("refuses %s", (_what, code, message) => {
    const src = submission(lru, "lru-cache.ts", code);
    const uses = scanSubmission(lru, src);
    expect(uses.map((u) => `${u.file}:${u.line} ${u.what}`).join("\n")).toContain(message);
  });

  test("passes honest code: every exercise's reference and stub, type-only imports, constructor names, process.env", () => {
    for (const exercise of catalog)
      for (const dir of [exercise.referenceDir, exercise.srcDir])
        expect([exercise.id, scanSubmission(exercise, dir)]).toEqual([exercise.id, []]);
    const src = submission(
      lru,
      "extra.ts",
      `import type { Faker } from "@faker-js/faker";\nimport { createHash } from "node:crypto";\n` +
        `export const name = (x: object): string => x.constructor.name;\nexport const debug = process.env.DEBUG;\n` +
        `export type F = Faker | Function;\nexport const h = createHash;\n`,
    );
    expect(scanSubmission(lru, src)).toEqual([]);
  });

  test("the exercise that gives a helper allows it by its manifest", () => {
    const cdn = bySlug("cdn-edge");
    expect(cdn.meta.allowedImports).toContain("#kata/small-lru");
    expect(scanSubmission(cdn, submission(cdn))).toEqual([]);
  });

  test("grading refuses the dishonest submission with the reason, and runs nothing", async () => {
    submission(
      ring,
      "hash-ring.ts",
      `import path from "node:path";\n` +
        `const stolen = require(path.join(process.cwd(), "solutions/01-partitioning/consistent-hashing/src/hash-ring"));\n` +
        `export const HashRing = stolen.HashRing;\n`,
    );
    const run = await runExerciseTests(ring, { target: root, includeHidden: false, ...DEFAULT_TEST_LIMITS });
    expect(run.cases).toEqual([]);
    expect(run.crash).toMatch(
      /^not graded: src\/hash-ring\.ts:2 requires a computed path\. While it is graded, a submission may import only/,
    );
  });
});

describe("the resolver while the tests run", () => {
  const resolve = (request: string, importerDir: string): string =>
    targets.resolveImport(request, importerDir, targets.parseTarget(root), (plain: string) => require.resolve(plain));
  /** What loading a resolved file throws: a refused import's module throws the refusal. */
  const refusal = (file: string): string => {
    try {
      require(file); // eslint-disable-line @typescript-eslint/no-require-imports -- loading the refusal is the check
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    return "(it loaded)";
  };

  test("a path outside the exercise's src/, a package, or a helper not given resolves to a module that throws why", () => {
    const src = submission(lru);
    const reference = path.join(lru.referenceDir, "lru-cache.ts");
    for (const [request, names] of [
      [reference, reference],
      ["../../../01-partitioning/consistent-hashing/src/hash", "consistent-hashing/src/hash"],
      ["lru-cache", `"lru-cache"`],
      ["#kata/small-lru", `"#kata/small-lru"`],
    ] as const) {
      const file = resolve(request, src);
      expect(file).toContain("kata-refused-imports");
      expect(refusal(file)).toContain(names);
      expect(refusal(file)).toMatch(/^SubmissionImportError: .* which a graded submission may not/);
    }
  });

  test("its own files, the given modules and #kata resolve as usual", () => {
    const src = submission(lru);
    expect(resolve("./lru-cache", src)).toBe(path.join(src, "lru-cache.ts"));
    expect(resolve("./errors", src)).toBe(path.join(lru.srcDir, "errors.ts")); // given: the workbook's copy
    expect(resolve("#kata", src)).toBe(path.join(targets.REPO_ROOT, "harness", "kata", "index.ts"));
  });

  test("a package its kind is built on resolves from the workbook, though the copy lies outside it", () => {
    // A chat server's copy in /tmp/... has no node_modules above it; ws comes from the workbook's.
    const chat = [...catalog, ...loadDrafts()].find((e) => e.meta.slug === "chat-fanout") as Exercise;
    const src = submission(chat);
    const fromImporter = (plain: string): string => require.resolve(plain, { paths: [src] });
    const file = targets.resolveImport("ws", src, targets.parseTarget(root), fromImporter);
    expect(file).toBe(require.resolve("ws", { paths: [targets.REPO_ROOT] }));
    // The fallback comes after the fence: a package the kind does not allow is still refused.
    expect(targets.resolveImport("lru-cache", src, targets.parseTarget(root), fromImporter)).toContain(
      "kata-refused-imports",
    );
  });

  test("under jest, a require of a path computed at run time fails the suite with the refusal", async () => {
    submission(
      ring,
      "hash-ring.ts",
      `const parts = ["${targets.REPO_ROOT}", "solutions", "01-partitioning", "consistent-hashing", "src", "hash-ring"];\n` +
        `const loader = [require][0] as (p: string) => { HashRing: unknown };\n` +
        `export const HashRing = loader(parts.join("/")).HashRing;\n`,
    );
    const run = await runTestFiles([ring.visibleTest], { target: root, ...DEFAULT_TEST_LIMITS });
    const result = run.files.get(path.resolve(ring.visibleTest));
    expect(result?.error ?? "").toMatch(
      /SubmissionImportError: 01-partitioning\/consistent-hashing imports ".*solutions\/01-partitioning/,
    );
  });
});
