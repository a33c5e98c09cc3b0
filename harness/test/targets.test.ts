/** The target mapping behind every import (harness/resolve/targets.cjs). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import targets from "../resolve/targets.cjs";

const root = targets.REPO_ROOT;
const ring = { track: "01-partitioning", slug: "consistent-hashing", module: "hash-ring" };
const exerciseDir = path.join(root, "exercises/01-partitioning/consistent-hashing");
const solutionDir = path.join(root, "solutions/01-partitioning/consistent-hashing");
const rel = (file: string): string => path.relative(root, file);

/** Resolution as jest's default resolver does it, from a folder: the file, with `.ts` added, or a throw. */
function plainFrom(importerDir: string): (request: string) => string {
  return (request) => require.resolve(path.resolve(importerDir, request));
}

describe("parseTarget", () => {
  test("reads the named targets, and exercises by default", () => {
    expect(targets.parseTarget(undefined)).toEqual({ kind: "exercises" });
    expect(targets.parseTarget("solutions")).toEqual({ kind: "solutions" });
    expect(targets.parseTarget("naive")).toEqual({ kind: "naive" });
    expect(targets.parseTarget("wrong:late-expiry")).toEqual({ kind: "wrong", variants: { "*": "late-expiry" } });
    const batch = targets.parseTarget("wrong:ttl-cache/late-expiry,lru-cache/no-refresh");
    expect(batch).toEqual({ kind: "wrong", variants: { "ttl-cache": "late-expiry", "lru-cache": "no-refresh" } });
    expect(targets.describeTarget(batch)).toBe("wrong:ttl-cache/late-expiry,lru-cache/no-refresh");
  });

  test("a folder becomes a dir target; the workbook's own exercises/ stays the learner target", () => {
    expect(targets.parseTarget("harness/test/fixtures/reference-copy", root)).toEqual({
      kind: "dir",
      dir: path.join(root, "harness/test/fixtures/reference-copy"),
    });
    expect(targets.parseTarget(path.join(root, "exercises"), root)).toEqual({ kind: "exercises" });
  });

  test("a missing folder or a malformed variant is a TargetError that lists what a target can be", () => {
    expect(() => targets.parseTarget("no/such/folder", root)).toThrow(
      /exercises, solutions, naive, wrong:<variant>, or a folder/,
    );
    expect(() => targets.parseTarget("wrong:", root)).toThrow(/spell it wrong:<variant>/);
    expect(() => targets.parseTarget("wrong:a/b/c,", root)).toThrow(/spell it wrong:<variant>/);
  });
});

describe("implementationFile: the first layer that has the module", () => {
  test("each target's own layer first", () => {
    expect(rel(targets.implementationFile(ring, { kind: "exercises" }))).toBe(
      "exercises/01-partitioning/consistent-hashing/src/hash-ring.ts",
    );
    expect(rel(targets.implementationFile(ring, { kind: "solutions" }))).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash-ring.ts",
    );
    expect(rel(targets.implementationFile({ ...ring, module: "ring-search" }, { kind: "naive" }))).toBe(
      "solutions/01-partitioning/consistent-hashing/naive/ring-search.ts",
    );
  });

  test("a variant replaces only the modules its folder has; the rest come from the reference", () => {
    expect(rel(targets.implementationFile({ ...ring, module: "hash" }, { kind: "naive" }))).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash.ts",
    );
    expect(rel(targets.implementationFile(ring, { kind: "wrong", variants: { "*": "no-such-variant" } }))).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash-ring.ts",
    );
  });

  test("a given module (one the reference lacks) is served from the exercise's src/ to every target", () => {
    const errors = { ...ring, module: "errors" };
    for (const target of [{ kind: "solutions" }, { kind: "naive" }, { kind: "dir", dir: "/nonexistent" }] as const) {
      expect(rel(targets.implementationFile(errors, target))).toBe(
        "exercises/01-partitioning/consistent-hashing/src/errors.ts",
      );
    }
  });

  test("a student copy without its own code gets its own path, so the error names the missing file", () => {
    const dir = path.join(root, "harness/test/fixtures/reference-copy");
    const raft = { track: "06-consensus", slug: "raft-election", module: "raft-node" };
    expect(targets.implementationFile(raft, { kind: "dir", dir })).toBe(
      path.join(dir, "06-consensus/raft-election/src/raft-node.ts"),
    );
  });
});

describe("resolveImport", () => {
  const resolve = (
    request: string,
    importerDir: string,
    target?: Parameters<typeof targets.resolveImport>[2],
  ): string => rel(targets.resolveImport(request, importerDir, target, plainFrom(importerDir)));

  test("a test's import of ./src/<module> goes to the target's file, from exercises/ and solutions/ alike", () => {
    expect(resolve("./src/hash-ring", exerciseDir, { kind: "solutions" })).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash-ring.ts",
    );
    expect(resolve("./src/hash-ring", solutionDir, { kind: "exercises" })).toBe(
      "exercises/01-partitioning/consistent-hashing/src/hash-ring.ts",
    );
    expect(resolve("./src/hash-ring", solutionDir, { kind: "naive" })).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash-ring.ts",
    );
  });

  test("a reference module's sibling import stays in its layer, and a given one falls back to exercises/", () => {
    const referenceSrc = path.join(solutionDir, "src");
    expect(resolve("./hash", referenceSrc, { kind: "solutions" })).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash.ts",
    );
    expect(resolve("./hash", referenceSrc, undefined)).toBe("solutions/01-partitioning/consistent-hashing/src/hash.ts");
    expect(resolve("./errors", referenceSrc, { kind: "solutions" })).toBe(
      "exercises/01-partitioning/consistent-hashing/src/errors.ts",
    );
    expect(resolve("./errors", referenceSrc, undefined)).toBe(
      "exercises/01-partitioning/consistent-hashing/src/errors.ts",
    );
  });

  test("a variant reaches the reference by ../src/, never remapped (no cycle onto itself)", () => {
    expect(resolve("../src/hash-ring", path.join(solutionDir, "naive"), { kind: "naive" })).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash-ring.ts",
    );
  });

  test("a hidden test's import of an exercise's test helper falls back to exercises/", () => {
    const raftSolution = path.join(root, "solutions/06-consensus/raft-election");
    expect(resolve("./raft-cluster", raftSolution, { kind: "solutions" })).toBe(
      "exercises/06-consensus/raft-election/raft-cluster.ts",
    );
  });

  test("a student copy's missing given module comes from the workbook; its missing own module is an error naming it", () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "kata-targets-"));
    try {
      const studentSrc = path.join(scratch, "01-partitioning/consistent-hashing/src");
      expect(resolve("./errors", studentSrc, undefined)).toBe(
        "exercises/01-partitioning/consistent-hashing/src/errors.ts",
      );
      expect(() => resolve("./hash", studentSrc, undefined)).toThrow();
      expect(() => resolve("./src/hash-ring", exerciseDir, { kind: "dir", dir: scratch })).toThrow(
        /has no 01-partitioning\/consistent-hashing module "hash-ring"/,
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test("#kata and #kata/<name> name files in harness/kata, from anywhere", () => {
    expect(resolve("#kata", "/somewhere/else")).toBe("harness/kata/index.ts");
    expect(resolve("#kata/testing", exerciseDir)).toBe("harness/kata/testing.ts");
  });
});

describe("resolveImport: a variant's module replaces the reference's everywhere in its target", () => {
  const ttlSrc = path.join(root, "solutions/03-caching/ttl-cache/src");
  const plain = (dir: string) => (request: string) => require.resolve(path.resolve(dir, request));
  test("a reference module's sibling import goes to the target's top layer that has it", () => {
    const ringSrc = path.join(solutionDir, "src");
    // naive/ has ring-search.ts: the reference's own import of ./ring-search under the naive target gets it
    expect(rel(targets.resolveImport("./ring-search", ringSrc, { kind: "naive" }, plain(ringSrc)))).toBe(
      "solutions/01-partitioning/consistent-hashing/naive/ring-search.ts",
    );
    expect(rel(targets.resolveImport("./hash", ringSrc, { kind: "naive" }, plain(ringSrc)))).toBe(
      "solutions/01-partitioning/consistent-hashing/src/hash.ts",
    );
    expect(
      rel(targets.resolveImport("./errors", ttlSrc, { kind: "wrong", variants: { "*": "none" } }, plain(ttlSrc))),
    ).toBe("exercises/03-caching/ttl-cache/src/errors.ts");
  });
});
