/** The catalog: finding exercises by name, and refusing malformed manifests with a clear line. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { editDistance, loadCatalog, selectExercises } from "../catalog/catalog";
import { CatalogError, readExerciseMeta } from "../catalog/exercise-meta";

const catalog = loadCatalog();
const valid = {
  slug: "demo",
  title: "A demo",
  track: "99-demo",
  order: 1,
  kind: "pure",
  difficulty: 1,
  estimatedMinutes: 10,
  prerequisites: [],
  seed: { file: "C", section: "Some section" },
  skills: ["Data management"],
  entry: "demo",
  budgets: { ops: 0.5 },
};

function writeMeta(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kata-meta-"));
  const file = path.join(dir, "exercise.json");
  writeFileSync(file, content);
  return file;
}

describe("selectExercises", () => {
  test("finds by slug, by track/slug and by track", () => {
    expect(selectExercises(catalog, ["consistent-hashing"]).map((e) => e.id)).toEqual(["01-partitioning/consistent-hashing"]);
    expect(selectExercises(catalog, ["01-partitioning/consistent-hashing"])).toHaveLength(1);
    expect(selectExercises(catalog, ["01-partitioning"]).length).toBeGreaterThan(0);
    expect(selectExercises(catalog, [])).toEqual(catalog);
  });

  test("an unknown slug suggests the nearest ones", () => {
    expect(() => selectExercises(catalog, ["consistent-hashng"])).toThrow(new CatalogError('no exercise "consistent-hashng": did you mean consistent-hashing?'));
    expect(() => selectExercises(catalog, ["zzzzzzzzzzzzzz"])).toThrow(/run `kata list` to see them/);
  });

  test("editDistance counts single-character edits", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("readExerciseMeta", () => {
  const folder = { track: "99-demo", slug: "demo" };

  test("accepts a valid manifest", () => {
    expect(readExerciseMeta(writeMeta(JSON.stringify(valid)), folder).entry).toBe("demo");
  });

  test.each([
    ["not JSON", "{ slug: demo", /is not valid JSON .*fix the syntax/],
    ["a difficulty of 7", JSON.stringify({ ...valid, difficulty: 7 }), /: difficulty .*see docs\/authoring\.md/],
    ["an unknown skill", JSON.stringify({ ...valid, skills: ["Cooking"] }), /: skills\.0 /],
    ["a budget above 1", JSON.stringify({ ...valid, budgets: { ops: 3 } }), /: budgets\.ops /],
    ["an unknown field", JSON.stringify({ ...valid, colour: "red" }), /colour/],
  ])("rejects %s with a CatalogError naming the file and field", (_what, content, message) => {
    const file = writeMeta(content);
    expect(() => readExerciseMeta(file, folder)).toThrow(CatalogError);
    expect(() => readExerciseMeta(file, folder)).toThrow(message);
  });

  test("rejects a manifest whose slug disagrees with its folder", () => {
    expect(() => readExerciseMeta(writeMeta(JSON.stringify(valid)), { track: "99-demo", slug: "other" })).toThrow(/the folder names and the file must agree/);
  });

  test("loadCatalog stops at a malformed manifest with that file's error", () => {
    const root = mkdtempSync(path.join(tmpdir(), "kata-catalog-"));
    mkdirSync(path.join(root, "99-demo", "demo"), { recursive: true });
    writeFileSync(path.join(root, "99-demo", "demo", "exercise.json"), JSON.stringify({ ...valid, kind: "quantum" }));
    expect(() => loadCatalog(root)).toThrow(/exercise\.json: kind /);
  });
});
