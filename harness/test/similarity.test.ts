/**
 * kata similarity: copies of the reference that were renamed or reformatted are found, with the
 * matching code located; independent solutions of the same exercise and the untouched stub are not
 * flagged; the winnowing guarantee holds.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { loadCatalog, type Exercise } from "../catalog/catalog";
import { classSimilarity, REFERENCE_NAME, similarityHtml, type ClassSimilarity } from "../similarity/class-similarity";
import { fingerprints, K, W } from "../similarity/winnow";
import { reformatCopy, renameCopy } from "./similar-copies";

const lru = loadCatalog().find((e) => e.meta.slug === "lru-cache") as Exercise;
const API = ["LruCache", "get", "set", "has", "peek", "delete", "size", "keys", "capacity", "CacheError"];
let scratch: string;
let result: ClassSimilarity;

function student(name: string, files: Record<string, string>): void {
  const src = path.join(scratch, "class", name, "exercises", lru.meta.track, lru.meta.slug, "src");
  mkdirSync(src, { recursive: true });
  cpSync(lru.srcDir, src, { recursive: true }); // the given modules, as a student copy has them
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(src, file), text);
}

const referenceFiles = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(lru.referenceDir).map((f) => [f, readFileSync(path.join(lru.referenceDir, f), "utf8")]),
  );

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "kata-similarity-"));
  const reference = referenceFiles();
  student("verbatim", reference);
  student("renamer", Object.fromEntries(Object.entries(reference).map(([f, t]) => [f, renameCopy(t, API)])));
  const reformatted: Record<string, string> = {};
  for (const [f, t] of Object.entries(reference)) reformatted[f] = reformatCopy(t);
  student("reformatter", reformatted);
  student("independent", {
    "lru-cache.ts": readFileSync(
      path.join(__dirname, "fixtures", "similarity", "independent-lru", "lru-cache.ts"),
      "utf8",
    ),
  });
  student("untouched", {});
  result = classSimilarity(path.join(scratch, "class"), [lru]);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pairsOf = (r: ClassSimilarity) => (r.exercises[0]?.pairs ?? []).map((p) => [p.a, p.b].sort().join(" ~ "));

test("a renamed copy and a reformatted copy of the reference are found, against it and each other", () => {
  const pairs = pairsOf(result);
  for (const copier of ["verbatim", "renamer", "reformatter"]) expect(pairs).toContain(`${REFERENCE_NAME} ~ ${copier}`);
  expect(pairs).toContain("reformatter ~ renamer");
  for (const p of result.exercises[0]?.pairs ?? []) expect(Math.max(p.aShare, p.bShare)).toBeGreaterThan(0.9);
});

test("an independent solution that passes the same tests is not flagged, and the untouched stub is not compared", () => {
  expect(pairsOf(result).filter((p) => p.includes("independent"))).toEqual([]);
  expect(pairsOf(result).filter((p) => p.includes("untouched"))).toEqual([]);
  expect(result.exercises[0]?.compared).toBe(6); // the reference and five folders; the stub has no code of its own
});

test("the matching stretches are located, and the report shows them side by side, escaped", () => {
  const renamed = result.exercises[0]?.pairs.find((p) => p.b === "renamer" || p.a === "renamer");
  const longest = renamed?.regions[0];
  expect(longest).toBeDefined();
  expect((longest?.a.to ?? 0) - (longest?.a.from ?? 0)).toBeGreaterThan(20);
  const html = similarityHtml(result, "<class>");
  expect(html).toContain("&#60;class&#62;: similar submissions");
  expect(html).toMatch(/class="region"><div><p class="where">/);
  expect(html).toContain("myOrder2"); // the renamed copy's own text, beside the reference's
});

test("winnowing: any stretch of K + W - 1 tokens two streams share gives them a fingerprint in common", () => {
  const token = fc.constantFrom("N", "L", "19", "20", "21", "64", "99", "101");
  fc.assert(
    fc.property(
      fc.array(token, { maxLength: 60 }),
      fc.array(token, { maxLength: 60 }),
      fc.array(token, { minLength: K + W - 1, maxLength: K + W + 10 }),
      fc.array(token, { maxLength: 60 }),
      (before, after, shared, other) => {
        const a = fingerprints([...before, ...shared, ...after]).map((f) => f.hash);
        const b = new Set(fingerprints([...other, ...shared]).map((f) => f.hash));
        return a.some((h) => b.has(h));
      },
    ),
    { seed: 20261123, numRuns: 300 },
  );
});
