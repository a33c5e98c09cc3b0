/** The target mapping behind every test import (harness/resolve/targets.cjs). */
import path from "node:path";
import targets from "../resolve/targets.cjs";

const root = targets.REPO_ROOT;
const ringModule = { track: "01-partitioning", slug: "consistent-hashing", module: "hash-ring" };

describe("parseTarget", () => {
  test("reads the named targets, and exercises by default", () => {
    expect(targets.parseTarget(undefined)).toEqual({ kind: "exercises" });
    expect(targets.parseTarget("solutions")).toEqual({ kind: "solutions" });
    expect(targets.parseTarget("naive")).toEqual({ kind: "naive" });
  });

  test("a folder becomes a dir target; the workbook's own exercises/ stays the learner target", () => {
    expect(targets.parseTarget("harness/test/fixtures/reference-copy", root)).toEqual({
      kind: "dir",
      dir: path.join(root, "harness/test/fixtures/reference-copy"),
    });
    expect(targets.parseTarget("exercises", root)).toEqual({ kind: "exercises" });
    expect(targets.parseTarget(path.join(root, "exercises"), root)).toEqual({ kind: "exercises" });
  });

  test("a missing folder is a TargetError that lists what a target can be", () => {
    expect(() => targets.parseTarget("no/such/folder", root)).toThrow(targets.TargetError);
    expect(() => targets.parseTarget("no/such/folder", root)).toThrow(/exercises, solutions, naive, or a folder laid out like exercises\//);
  });
});

describe("implementationModuleOf", () => {
  test("names a learner source file, and nothing else", () => {
    expect(targets.implementationModuleOf(path.join(root, "exercises/01-partitioning/consistent-hashing/src/hash-ring.ts"))).toEqual(ringModule);
    expect(targets.implementationModuleOf(path.join(root, "exercises/01-partitioning/consistent-hashing/consistent-hashing.test.ts"))).toBeUndefined();
    expect(targets.implementationModuleOf(path.join(root, "solutions/01-partitioning/consistent-hashing/hash-ring.ts"))).toBeUndefined();
  });

  test("names a submission's source file only when that submission is the target", () => {
    const dir = path.join(root, "harness/test/fixtures/reference-copy");
    const file = path.join(dir, "01-partitioning/consistent-hashing/src/hash-ring.ts");
    expect(targets.implementationModuleOf(file)).toBeUndefined();
    expect(targets.implementationModuleOf(file, { kind: "dir", dir })).toEqual(ringModule);
  });
});

describe("implementationFile", () => {
  const rel = (file: string): string => path.relative(root, file);

  test("maps one module to each target's file", () => {
    expect(rel(targets.implementationFile(ringModule, { kind: "exercises" }))).toBe("exercises/01-partitioning/consistent-hashing/src/hash-ring.ts");
    expect(rel(targets.implementationFile(ringModule, { kind: "solutions" }))).toBe("solutions/01-partitioning/consistent-hashing/hash-ring.ts");
    expect(rel(targets.implementationFile(ringModule, { kind: "dir", dir: "/tmp/alice" }))).toBe(path.relative(root, "/tmp/alice/01-partitioning/consistent-hashing/src/hash-ring.ts"));
  });

  test("naive.ts stands in for the entry module only", () => {
    expect(rel(targets.implementationFile(ringModule, { kind: "naive" }))).toBe("solutions/01-partitioning/consistent-hashing/naive.ts");
    expect(rel(targets.implementationFile({ ...ringModule, module: "hash" }, { kind: "naive" }))).toBe("solutions/01-partitioning/consistent-hashing/hash.ts");
  });

  test("a module the reference does not have is given code, served from exercises/", () => {
    const errors = { ...ringModule, module: "errors" };
    expect(rel(targets.implementationFile(errors, { kind: "solutions" }))).toBe("exercises/01-partitioning/consistent-hashing/src/errors.ts");
    expect(rel(targets.implementationFile(errors, { kind: "naive" }))).toBe("exercises/01-partitioning/consistent-hashing/src/errors.ts");
  });
});

test("#kata and #kata/<name> name files in harness/kata", () => {
  expect(path.relative(root, targets.kataApiFile("#kata") ?? "")).toBe("harness/kata/index.ts");
  expect(path.relative(root, targets.kataApiFile("#kata/testing") ?? "")).toBe("harness/kata/testing.ts");
  expect(targets.kataApiFile("./src/hash-ring")).toBeUndefined();
});

test("a submission without a given module gets the workbook's; without its own code, its own path (so the error names it)", () => {
  const dir = path.join(root, "harness/test/fixtures/reference-copy");
  const spec = { ...ringModule, module: "ring-spec" };
  expect(path.relative(root, targets.implementationFile(spec, { kind: "dir", dir }))).toBe("exercises/01-partitioning/consistent-hashing/src/ring-spec.ts");
  const raft = { track: "06-consensus", slug: "raft-election", module: "raft-node" };
  expect(targets.implementationFile(raft, { kind: "dir", dir })).toBe(path.join(dir, "06-consensus/raft-election/src/raft-node.ts"));
});
