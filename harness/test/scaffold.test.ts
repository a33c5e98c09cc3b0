/**
 * `kata new` for each kind: the scaffold has the whole anatomy, and verify's checks then name
 * exactly what is left to write (the placeholders, the mutation score and the wrong designs), nothing else.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readCatalog } from "../catalog/catalog";
import targets from "../resolve/targets.cjs";
import { newExercise } from "../scaffold/new-exercise";
import { PLACEHOLDER } from "../scaffold/templates";
import { staticChecks, wrongDesignCheck } from "../verify/exercise-checks";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "kata-new-"));
  mkdirSync(path.join(root, "exercises"));
  cpSync(path.join(targets.REPO_ROOT, "exercises", "tracks.json"), path.join(root, "exercises", "tracks.json"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test.each([
  ["pure", "01-partitioning/partitioners"],
  ["http", "05-microservices/service-registry"],
  ["sim", "02-replication/leader-follower"],
  ["ws", "09-case-studies/chat-fanout"],
  ["sql", "07-event-driven/event-store"],
])("kata new --kind %s: verify names exactly the pieces left to write", (kind, id) => {
  const result = newExercise(root, id, kind);
  expect(result.files).toContain(`exercises/${id}/src/${id.split("/")[1]}.ts`);
  const catalog = readCatalog(root);
  expect(catalog.drafts).toEqual([id]); // born a draft, so the workbook's checks stay green
  const exercise = catalog.draftExercises.find((e) => e.id === id);
  if (!exercise) throw new Error(`the scaffold of ${id} is not in the catalog: ${JSON.stringify(catalog.problems)}`);

  const failing = [...staticChecks(exercise), wrongDesignCheck(exercise).check].filter((c) => !c.ok).map((c) => c.name);
  expect(failing).toEqual([
    `${id}: no scaffold placeholder is left`,
    `${id}: a current mutation score of at least 80% is recorded`,
    `${id}: has at least 4 wrong-design fixtures`,
  ]);
  expect(catalog.problems.map((p) => p.message)).toEqual([]);
  expect(readFileSync(exercise.readme, "utf8")).toMatch(/\| workload \| what is measured \| budget \|/);
  expect(readFileSync(exercise.visibleTest, "utf8")).toContain(PLACEHOLDER);
});

test("kata new refuses what is not planned, a kind the plan disagrees with, and what exists", () => {
  expect(() => newExercise(root, "01-partitioning/no-such-thing")).toThrow(/is not in exercises\/tracks\.json/);
  expect(() => newExercise(root, "01-partitioning/partitioners", "sim")).toThrow(
    /plans 01-partitioning\/partitioners as pure, not sim/,
  );
  expect(() => newExercise(root, "partitioners")).toThrow(/is not <track>\/<slug>/);
  newExercise(root, "01-partitioning/partitioners");
  expect(() => newExercise(root, "01-partitioning/partitioners")).toThrow(/already exists/);
});
