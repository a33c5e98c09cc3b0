/** The catalog: finding exercises by name, and refusing malformed manifests with a clear line. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { editDistance, loadCatalog, readCatalog, selectExercises } from "../catalog/catalog";
import { CatalogError, readExerciseMeta } from "../catalog/exercise-meta";

const catalog = loadCatalog();
const valid = {
  slug: "demo",
  title: "A demo",
  track: "99-demo",
  kind: "pure",
  difficulty: 1,
  estimatedMinutes: 10,
  prerequisites: [],
  topic: "Some system-design topic",
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
    expect(selectExercises(catalog, ["consistent-hashing"]).map((e) => e.id)).toEqual([
      "01-partitioning/consistent-hashing",
    ]);
    expect(selectExercises(catalog, ["01-partitioning/consistent-hashing"])).toHaveLength(1);
    expect(selectExercises(catalog, ["01-partitioning"]).length).toBeGreaterThan(0);
    expect(selectExercises(catalog, [])).toEqual(catalog);
  });

  test("an unknown slug suggests the nearest ones", () => {
    expect(() => selectExercises(catalog, ["consistent-hashng"])).toThrow(
      new CatalogError('no exercise "consistent-hashng": did you mean consistent-hashing?'),
    );
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
    expect(() => readExerciseMeta(writeMeta(JSON.stringify(valid)), { track: "99-demo", slug: "other" })).toThrow(
      /the folder names and the file must agree/,
    );
  });
});

describe("readCatalog: one reader, every problem named", () => {
  const demoPlan = (exercises: { slug: string; kind?: string }[], track = "99-demo") => ({
    tracks: [
      {
        track,
        title: "Demo",
        about: "A track made up for the catalog's own tests.",
        topics: "none",
        exercises: exercises.map((e) => ({
          slug: e.slug,
          kind: e.kind ?? "pure",
          builds: "a thing to build",
          mustGetRight: "the thing, right",
          budget: "ops/s",
        })),
      },
    ],
  });

  function workbook(plan: object, manifests: Record<string, object>, loose: Record<string, string> = {}): string {
    const root = mkdtempSync(path.join(tmpdir(), "kata-catalog-"));
    mkdirSync(path.join(root, "exercises"), { recursive: true });
    writeFileSync(path.join(root, "exercises", "tracks.json"), JSON.stringify(plan));
    for (const [id, meta] of Object.entries(manifests)) {
      mkdirSync(path.join(root, "exercises", id), { recursive: true });
      writeFileSync(path.join(root, "exercises", id, "exercise.json"), JSON.stringify(meta));
    }
    for (const [file, content] of Object.entries(loose)) writeFileSync(path.join(root, "exercises", file), content);
    return root;
  }

  test("reads the built exercises in the plan's order, and leaves loose files alone", () => {
    const root = workbook(
      demoPlan([{ slug: "second" }, { slug: "demo" }, { slug: "planned" }]),
      { "99-demo/demo": valid, "99-demo/second": { ...valid, slug: "second", entry: "second" } },
      { "README.md": "notes", "99-demo/NOTES.txt": "stray" },
    );
    const catalog = readCatalog(root);
    expect(catalog.problems).toEqual([]);
    expect(catalog.exercises.map((e) => [e.meta.slug, e.position])).toEqual([
      ["second", 1],
      ["demo", 2],
    ]);
  });

  test("an exercise with a DRAFT file is under construction: left out of the course, even if broken", () => {
    const root = workbook(
      demoPlan([{ slug: "second" }, { slug: "demo" }]),
      { "99-demo/demo": valid, "99-demo/second": { ...valid, slug: "second", kind: "quantum" } },
      { "99-demo/second/DRAFT": "being built" },
    );
    const catalog = readCatalog(root);
    expect(catalog.problems).toEqual([]);
    expect(catalog.drafts).toEqual(["99-demo/second"]);
    expect(catalog.exercises.map((e) => e.meta.slug)).toEqual(["demo"]);
    expect(catalog.draftExercises).toEqual([]); // its manifest does not read: nothing to name
  });

  test("a draft is reachable by its own name, never by its track or by naming nothing", () => {
    const root = workbook(
      demoPlan([{ slug: "second" }, { slug: "demo" }]),
      { "99-demo/demo": valid, "99-demo/second": { ...valid, slug: "second", entry: "second" } },
      { "99-demo/second/DRAFT": "being built" },
    );
    const { exercises, draftExercises } = readCatalog(root);
    const ids = (names: string[]): string[] => selectExercises(exercises, names, draftExercises).map((e) => e.id);
    expect(ids(["second"])).toEqual(["99-demo/second"]);
    expect(ids(["99-demo/second", "demo"])).toEqual(["99-demo/demo", "99-demo/second"]);
    expect(ids(["99-demo"])).toEqual(["99-demo/demo"]);
    expect(ids([])).toEqual(["99-demo/demo"]);
  });

  test.each([
    [
      "a malformed manifest",
      demoPlan([{ slug: "demo" }]),
      { "99-demo/demo": { ...valid, kind: "quantum" } },
      /exercise\.json: kind /,
    ],
    [
      "a kind that disagrees with the plan",
      demoPlan([{ slug: "demo", kind: "sim" }]),
      { "99-demo/demo": valid },
      /kind "pure", exercises\/tracks\.json says "sim"/,
    ],
    [
      "a slug used twice",
      demoPlan([{ slug: "demo" }, { slug: "demo" }]),
      { "99-demo/demo": valid },
      /slug "demo" is used by 99-demo\/demo and 99-demo\/demo/,
    ],
    [
      "a folder the plan does not list",
      demoPlan([{ slug: "demo" }]),
      { "99-demo/demo": valid, "99-demo/extra": { ...valid, slug: "extra" } },
      /99-demo\/extra\/ is not in exercises\/tracks\.json/,
    ],
    [
      "a prerequisite that comes later",
      demoPlan([{ slug: "demo" }, { slug: "later" }]),
      { "99-demo/demo": { ...valid, prerequisites: ["later"] }, "99-demo/later": { ...valid, slug: "later" } },
      /prerequisite "later" comes later/,
    ],
    [
      "a prerequisite that does not exist",
      demoPlan([{ slug: "demo" }]),
      { "99-demo/demo": { ...valid, prerequisites: ["nothing"] } },
      /prerequisite "nothing" is not a built exercise/,
    ],
  ])("names %s as a problem, and loadCatalog refuses it", (_what, plan, manifests, message) => {
    const root = workbook(plan, manifests);
    expect(
      readCatalog(root)
        .problems.map((p) => p.message)
        .join("\n"),
    ).toMatch(message);
    expect(() => loadCatalog(root)).toThrow(CatalogError);
  });
});
