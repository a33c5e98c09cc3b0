import fc from "fast-check";
import { codeOf, ensure, messageOf as messageOfError, percent, propertySettings, sampleKeys } from "#kata/testing";
import { RebalanceError } from "./src/errors";
import { ShardCluster, type Migration, type MigrationStep, type StepAction } from "./src/shard-cluster";

const KEYS = sampleKeys(2_600);
/** Keys the clusters are filled with; the rest are never written before a test writes them. */
const STORED = KEYS.slice(0, 600);
const FRESH = KEYS.slice(2_000);
const FOUR = ["shard-1", "shard-2", "shard-3", "shard-4"];

const original = (key: string): string => `v1:${key}`;

function clusterOf(shards: readonly string[], keys: readonly string[] = STORED): ShardCluster {
  const cluster = new ShardCluster(shards);
  for (const key of keys) cluster.set(key, original(key));
  return cluster;
}

/** The placement over a set of shards, read from a fresh cluster of them (no migration running). */
function placementOf(shards: readonly string[]): (key: string) => string {
  const cluster = new ShardCluster(shards);
  return (key) => cluster.ownerOf(key);
}

/** Each shard's keys, as keysOn reports them. */
function layoutOf(cluster: ShardCluster): Map<string, Set<string>> {
  return new Map(cluster.shards().map((shard) => [shard, new Set(cluster.keysOn(shard))]));
}

/** The shards whose stores hold `key`. */
function shardsHolding(cluster: ShardCluster, key: string): string[] {
  return cluster.shards().filter((shard) => cluster.keysOn(shard).includes(key));
}

const describeStep = (s: MigrationStep): string =>
  `${s.action} ${s.key} (${s.from} -> ${s.to})${s.action === "verify" ? (s.ok ? ", ok" : ", differs") : ""}`;

/** A step limit no correct migration reaches: four steps a key, and room for re-copies. */
const stepLimit = (migration: Migration): number => 8 * migration.moves().length + 50;

/** Takes every remaining step, failing with a lesson if the migration does not end. */
function finish(migration: Migration): MigrationStep[] {
  const taken: MigrationStep[] = [];
  const limit = stepLimit(migration);
  for (let step = migration.step(); step !== undefined; step = migration.step()) {
    taken.push(step);
    if (taken.length <= limit) continue;
    ensure(
      false,
      `the migration of ${migration.moves().length} keys took over ${limit} steps without finishing; the last were ` +
        `${taken.slice(-4).map(describeStep).join("; ")}. A verify that keeps failing means the re-copy does not make the copy ` +
        "match the source: a key missing at the source must be removed from the target too.",
    );
  }
  return taken;
}

/** Steps until the migration takes `action` on `key`; returns the steps taken, that one last. */
function stepThrough(migration: Migration, action: StepAction, key: string): MigrationStep[] {
  const taken: MigrationStep[] = [];
  const limit = stepLimit(migration);
  while (taken.length <= limit) {
    const step = migration.step();
    if (step === undefined) {
      const ofKey = taken.filter((s) => s.key === key).map((s) => s.action);
      throw new Error(
        `the migration finished without a ${action} step for ${key} (its steps: ${ofKey.join(", ") || "none"}). ` +
          "Every key that moves goes through copy, verify, switch and delete, in that order.",
      );
    }
    taken.push(step);
    if (step.action === action && step.key === key) return taken;
  }
  throw new Error(`no ${action} step for ${key} within ${limit} steps: the migration does not make progress`);
}

/** The plan must be exactly the keys whose owner changed, each from its old owner to its new one. */
function checkPlan(migration: Migration, before: (key: string) => string, after: (key: string) => string): void {
  const expected = new Map<string, { from: string; to: string }>();
  for (const key of STORED) if (before(key) !== after(key)) expected.set(key, { from: before(key), to: after(key) });
  const moves = migration.moves();
  for (const { key, from, to } of moves) {
    const due = expected.get(key);
    ensure(
      due !== undefined,
      `the plan moves ${key} from ${from} to ${to}, but its owner did not change (${before(key)} before and after ` +
        `${migration.kind === "add" ? "adding" : "removing"} ${migration.shard})` +
        (from === to
          ? ": a move from a shard to itself copies the key onto itself and then deletes the source, its only copy."
          : ".") +
        " Move only the keys whose owner changed.",
    );
    ensure(
      due.from === from && due.to === to,
      `the plan moves ${key} from ${from} to ${to}; it is on ${due.from} and its new owner is ${due.to}`,
    );
  }
  const planned = new Set(moves.map((move) => move.key));
  const missing = [...expected.keys()].filter((key) => !planned.has(key));
  const first = missing[0] ?? "";
  ensure(
    missing.length === 0,
    `${missing.length} keys whose owner changed are not in the plan, e.g. ${first}: ${expected.get(first)?.from} -> ` +
      `${expected.get(first)?.to}` +
      (migration.kind === "remove"
        ? `. A removed shard's keys must all move: ${migration.shard} leaves the cluster with the last step.`
        : ". Every key whose owner changed must move, or its next read looks where it is not."),
  );
  ensure(
    moves.length === planned.size,
    `the plan lists some keys twice: ${moves.length} moves of ${planned.size} keys`,
  );
}

/** After a migration: every key on exactly one shard, its owner, with the value the model says. */
function checkSettled(cluster: ShardCluster, model: ReadonlyMap<string, string>, what: string): void {
  const layout = layoutOf(cluster);
  const where = new Map<string, string[]>();
  for (const [shard, keys] of layout) for (const key of keys) where.set(key, [...(where.get(key) ?? []), shard]);
  for (const [key, shards] of where) {
    const owner = cluster.ownerOf(key);
    ensure(
      shards.length === 1,
      `after ${what}, ${key} is on ${shards.join(" and ")}: the source copy was left behind on ` +
        `${shards.filter((s) => s !== owner).join(", ")}. Delete a key from its source after its switch: a copy left ` +
        "there is stale at the next write, and comes back if the shard ever owns the key again.",
    );
    ensure(
      model.has(key),
      `after ${what}, ${key} is on ${shards[0]}, but it was deleted (or never written): a delete must remove it everywhere`,
    );
    ensure(
      shards[0] === owner,
      `after ${what}, ${key} is on ${shards[0]}, but its owner is ${owner}: a read looks there and misses it`,
    );
  }
  for (const [key, value] of model) {
    const got = cluster.get(key);
    ensure(
      got === value,
      `after ${what}, get(${JSON.stringify(key)}) gave ${JSON.stringify(got)}, expected ${JSON.stringify(value)}` +
        (where.has(key)
          ? ` (it is on ${where.get(key)?.join(", ")}, its owner is ${cluster.ownerOf(key)})`
          : " (it is on no shard: lost)"),
    );
  }
}

const modelOf = (keys: readonly string[]): Map<string, string> => new Map(keys.map((key) => [key, original(key)]));

const messageOf = (act: () => unknown): string => messageOfError(RebalanceError, act);

describe("placement", () => {
  test("a cluster of one shard holds every key there", () => {
    const cluster = clusterOf(["only"], STORED.slice(0, 100));
    expect(cluster.keysOn("only")).toHaveLength(100);
    for (const key of STORED.slice(0, 100)) expect(cluster.ownerOf(key)).toBe("only");
  });

  test("a key's owner is one of the shards, and depends on the set of shards, not the order they were listed in", () => {
    const expected = placementOf(FOUR);
    fc.assert(
      fc.property(fc.shuffledSubarray(FOUR, { minLength: FOUR.length }), (order) => {
        const owner = placementOf(order);
        for (const key of STORED.slice(0, 200)) {
          ensure(
            FOUR.includes(owner(key)),
            `ownerOf(${key}) gave ${owner(key)}, which is not one of ${FOUR.join(", ")}`,
          );
          ensure(
            owner(key) === expected(key),
            `listing the shards as ${order.join(", ")} gave ${key} to ${owner(key)}, listing them as ${FOUR.join(", ")} ` +
              `to ${expected(key)}: the owner must depend on which shards there are, not on their order`,
          );
        }
      }),
      propertySettings(20),
    );
  });

  test("keys spread evenly: each of 8 shards owns within 40% of the mean", () => {
    const shards = ["db-a", "db-b", "db-c", "db-d", "db-e", "db-f", "db-g", "db-h"];
    const owner = placementOf(shards);
    const counts = new Map(shards.map((shard) => [shard, 0]));
    const keys = KEYS.slice(0, 2_000);
    for (const key of keys) counts.set(owner(key), (counts.get(owner(key)) ?? 0) + 1);
    const mean = keys.length / shards.length;
    for (const [shard, count] of counts) {
      ensure(
        Math.abs(count - mean) < 0.4 * mean,
        `${shard} owns ${count} of ${keys.length} keys (${percent(count / keys.length)}); the mean is ${mean}. ` +
          `Counts: ${[...counts.values()].join(", ")}. A hash-based placement spreads keys within a few percent.`,
      );
    }
  });
});

describe("a migration moves exactly the keys whose owner changed", () => {
  test("adding a shard plans exactly the keys whose owner changed, each from its old owner to its new one", () => {
    const cluster = clusterOf(FOUR);
    const before = placementOf(FOUR);
    checkPlan(cluster.addShard("shard-5"), before, placementOf([...FOUR, "shard-5"]));
  });

  test("removing a shard plans every key on it, and no key whose owner stays", () => {
    const cluster = clusterOf(FOUR);
    const onShard2 = cluster.keysOn("shard-2");
    const migration = cluster.removeShard("shard-2");
    checkPlan(migration, placementOf(FOUR), placementOf(["shard-1", "shard-3", "shard-4"]));
    const planned = new Set(migration.moves().map((move) => move.key));
    expect(onShard2.filter((key) => !planned.has(key))).toEqual([]);
  });

  test("nothing moves until the migration is stepped", () => {
    const cluster = clusterOf(FOUR);
    const before = layoutOf(cluster);
    const migration = cluster.addShard("shard-5");
    ensure(migration.moves().length > 0, "adding a 5th shard to 600 keys should plan some moves");
    expect(migration.done).toBe(false);
    expect(cluster.keysOn("shard-5")).toEqual([]);
    for (const shard of FOUR) expect(cluster.keysOn(shard)).toEqual([...(before.get(shard) ?? [])].sort());
    expect(migration.report()).toMatchObject({ copies: 0, steps: 0 });
    for (const key of STORED) expect(cluster.get(key)).toBe(original(key));
  });

  test("each key moves by copy, verify, switch, delete, in that order", () => {
    const cluster = clusterOf(FOUR);
    const migration = cluster.addShard("shard-5");
    const steps = finish(migration);
    for (const { key, from, to } of migration.moves()) {
      const actions = steps.filter((s) => s.key === key).map((s) => s.action);
      const order = actions.join(", ");
      const at = (action: StepAction): number => actions.indexOf(action);
      ensure(
        !actions.includes("switch") || (at("verify") >= 0 && at("verify") < at("switch")),
        `${key}'s steps were ${order}: it switched before it was verified. A write that reaches the source after the ` +
          "copy would be lost when reads move to the target: verify the copy against the source first.",
      );
      ensure(
        !actions.includes("delete") || (at("switch") >= 0 && at("switch") < at("delete")),
        `${key}'s steps were ${order}: it was deleted from the source before its switch, while its reads still go to the ` +
          `source (${from}); a read in between finds nothing. Delete only after the switch.`,
      );
      ensure(
        actions.includes("delete"),
        `${key}'s steps were ${order}: no delete, so its source copy is left behind on ${from} after it moved to ${to}.`,
      );
      ensure(
        order === "copy, verify, switch, delete",
        `${key}'s steps were ${order}; with no writes during the migration each key takes exactly copy, verify, switch, delete`,
      );
    }
  });

  test("after adding and then removing a shard, every key is on exactly one shard, its owner, with its value", () => {
    const cluster = clusterOf(FOUR);
    const model = modelOf(STORED);
    finish(cluster.addShard("shard-5"));
    checkSettled(cluster, model, 'addShard("shard-5")');
    expect(cluster.keysOn("shard-5").length).toBeGreaterThan(0);
    finish(cluster.removeShard("shard-3"));
    checkSettled(cluster, model, 'removeShard("shard-3")');
  });

  test("the report counts the keys moved against the fewest any plan must move", () => {
    const cluster = clusterOf(FOUR);
    const adding = cluster.addShard("shard-5");
    const planned = adding.moves().length;
    finish(adding);
    expect(adding.report()).toEqual({
      keysMoved: planned,
      fewestPossible: Math.floor(STORED.length / 5),
      copies: planned,
      steps: 4 * planned,
    });
    const onShard2 = cluster.keysOn("shard-2").length;
    const removing = cluster.removeShard("shard-2");
    finish(removing);
    ensure(
      removing.report().fewestPossible === onShard2,
      `removing shard-2, which held ${onShard2} keys, reported fewestPossible ${removing.report().fewestPossible}: ` +
        "every key on a leaving shard must move, and no plan needs to move more.",
    );
    expect(removing.report().keysMoved).toBe(removing.moves().length);
  });

  test("the cluster lists a new shard from addShard on, and a leaving one until the migration's last step", () => {
    const cluster = clusterOf(FOUR);
    const adding = cluster.addShard("shard-5");
    expect(cluster.shards()).toEqual([...FOUR, "shard-5"]);
    expect(cluster.migration).toBe(adding);
    finish(adding);
    expect(adding.done).toBe(true);
    expect(cluster.migration).toBeUndefined();
    const removing = cluster.removeShard("shard-1");
    adding.step(); // a finished migration takes no more steps
    const steps = removing.moves().length * 4;
    for (let i = 0; i < steps - 1; i++) removing.step();
    expect(cluster.shards()).toContain("shard-1");
    expect(removing.done).toBe(false);
    removing.step();
    expect(removing.done).toBe(true);
    expect(removing.step()).toBeUndefined();
    expect(cluster.shards()).toEqual(["shard-2", "shard-3", "shard-4", "shard-5"]);
    expect(cluster.migration).toBeUndefined();
  });
});

describe("reads and writes during a migration", () => {
  test.each([
    ["adding shard-5", (cluster: ShardCluster) => cluster.addShard("shard-5")],
    ["removing shard-3", (cluster: ShardCluster) => cluster.removeShard("shard-3")],
  ])("a read between any two steps, %s, finds every key's value", (_, start) => {
    const cluster = clusterOf(FOUR, STORED.slice(0, 300));
    const migration = start(cluster);
    const moving = migration.moves().map((move) => move.key);
    const staying = STORED.slice(0, 300).filter((key) => !moving.includes(key));
    const taken: MigrationStep[] = [];
    for (let step = migration.step(); step !== undefined; step = migration.step()) {
      taken.push(step);
      ensure(taken.length <= stepLimit(migration), "the migration does not finish");
      for (const key of [...moving, ...staying.slice(0, 30)]) {
        const got = cluster.get(key);
        if (got === original(key)) continue;
        const own = taken.filter((s) => s.key === key).map((s) => s.action);
        const move = migration.moves().find((m) => m.key === key);
        throw new Error(
          `after step ${taken.length} (${describeStep(step)}), get(${JSON.stringify(key)}) gave ${JSON.stringify(got)}, ` +
            `expected ${JSON.stringify(original(key))}; ${key}'s steps so far: ${own.join(", ") || "none"}. ` +
            (own.includes("delete") && !own.includes("switch")
              ? `It was deleted from the source before its switch, while its reads still go to the source (${move?.from}): delete only after the switch.`
              : `Until a key's switch its reads go to its source (${move?.from ?? "its owner"}); from the switch on, to its target.`),
        );
      }
    }
  });

  test("a write after a key's copy is not lost: verify finds the copy differs, and the key is copied again", () => {
    const cluster = clusterOf(FOUR);
    const migration = cluster.addShard("shard-5");
    const { key, from, to } = migration.moves()[0] as MigrationStep;
    stepThrough(migration, "copy", key);
    cluster.set(key, "v2");
    ensure(
      cluster.ownerOf(key) === from && cluster.get(key) === "v2",
      `${key} has been copied but not switched: its reads and writes still go to its source, ${from}`,
    );
    const between = stepThrough(migration, "switch", key).filter((s) => s.key === key);
    const got = cluster.get(key);
    ensure(
      got === "v2",
      `${key} was written after its copy to ${to}, and after its switch get() gives ${JSON.stringify(got)}, not "v2": ` +
        (between.some((s) => s.action === "verify")
          ? "the verify before the switch did not notice that the copy differs from the source (compare the values, and copy again when they differ)."
          : "the key switched before it was verified, so the write that reached the source after the copy was lost."),
    );
    expect(between.map((s) => [s.action, s.ok])).toEqual([
      ["verify", false],
      ["copy", true],
      ["verify", true],
      ["switch", true],
    ]);
    finish(migration);
    expect(cluster.get(key)).toBe("v2");
    expect(shardsHolding(cluster, key)).toEqual([to]);
    expect(migration.report().copies).toBe(migration.moves().length + 1);
  });

  test("a write after a key's verify and before its switch sends the key back to verify", () => {
    const cluster = clusterOf(FOUR);
    const migration = cluster.addShard("shard-5");
    const { key } = migration.moves()[0] as MigrationStep;
    stepThrough(migration, "verify", key);
    cluster.set(key, "v3");
    const between = stepThrough(migration, "switch", key).filter((s) => s.key === key);
    const got = cluster.get(key);
    ensure(
      got === "v3",
      `${key} was written after it was verified and before its switch, and after the switch get() gives ${JSON.stringify(got)}: ` +
        `a verification is only good until the next write. The key's steps after the write were ${between.map((s) => s.action).join(", ")}; ` +
        "it must be verified again (the copy now differs, so copied again) before it may switch.",
    );
    finish(migration);
    expect(cluster.get(key)).toBe("v3");
  });

  test("a write after a key's switch goes to its new owner and survives the delete of the source", () => {
    const cluster = clusterOf(FOUR);
    const migration = cluster.removeShard("shard-4");
    const { key, from, to } = migration.moves()[0] as MigrationStep;
    stepThrough(migration, "switch", key);
    cluster.set(key, "v4");
    ensure(
      cluster.ownerOf(key) === to,
      `${key} has switched to ${to}; its reads and writes go there now, not to ${cluster.ownerOf(key)}`,
    );
    stepThrough(migration, "delete", key);
    ensure(
      cluster.get(key) === "v4" && !cluster.keysOn(from).includes(key),
      `${key} was written after its switch, then its source copy on ${from} was deleted; get() gives ${JSON.stringify(cluster.get(key))}`,
    );
  });

  test.each<[string, StepAction | undefined]>([
    ["before its copy", undefined],
    ["after its copy", "copy"],
    ["after its verify", "verify"],
    ["after its switch", "switch"],
  ])("a key deleted %s stays deleted", (_, after) => {
    const cluster = clusterOf(FOUR);
    const migration = cluster.addShard("shard-5");
    const { key, from, to } = migration.moves()[1] as MigrationStep;
    if (after !== undefined) stepThrough(migration, after, key);
    expect(cluster.delete(key)).toBe(true);
    expect(cluster.get(key)).toBeUndefined();
    finish(migration);
    const got = cluster.get(key);
    ensure(
      got === undefined,
      `${key} was deleted ${after === undefined ? "before its copy" : `after its ${after}`} and after the migration get() gives ` +
        `${JSON.stringify(got)}: the stale copy on ${to} was switched in, which would resurrect a deleted key. Verify must count a key ` +
        `missing at the source as a difference, and copying a missing key must remove the copy.`,
    );
    const left = shardsHolding(cluster, key);
    ensure(
      left.length === 0,
      `${key} was deleted during the migration but is still on ${left.join(", ")} (it moved from ${from})`,
    );
  });

  test.each([
    ["adding shard-5", (cluster: ShardCluster) => cluster.addShard("shard-5"), [...FOUR, "shard-5"], "shard-5"],
    ["removing shard-2", (cluster: ShardCluster) => cluster.removeShard("shard-2"), FOUR, "shard-2"],
  ])("a key first written during the migration (%s) is found during and after it", (what, start, ownedBy, shard) => {
    // A key the shard that joins (or leaves) owns: the plan, made before the key existed, cannot list it.
    const owner = placementOf(ownedBy);
    const key = FRESH.find((k) => owner(k) === shard) as string;
    const cluster = clusterOf(FOUR);
    const migration = start(cluster);
    migration.step();
    cluster.set(key, "new");
    expect(cluster.get(key)).toBe("new");
    finish(migration);
    const got = cluster.get(key);
    const holding = shardsHolding(cluster, key);
    ensure(
      got === "new" && holding.length === 1 && holding[0] === cluster.ownerOf(key),
      `${key} was written during the migration (${what}) and afterwards get() gives ${JSON.stringify(got)} ` +
        `(it is on ${holding.join(", ") || "no shard"}; its owner is ${cluster.ownerOf(key)}). A key that is not in the plan must ` +
        `go by the layout after the change: written to the old layout, nothing ever moves it` +
        (what.startsWith("removing") ? ", and a removed shard's keys are not all moved: it leaves with them." : "."),
    );
  });
});

/** A key of the pool, or "moving": the key the migration's last step moved (the one in flight). */
type Target = number | "moving";

type Op =
  | { kind: "set"; key: Target; value: number }
  | { kind: "delete"; key: Target }
  | { kind: "add" }
  | { kind: "remove"; pick: number }
  | { kind: "step"; count: number };

const POOL = KEYS.slice(600, 640);

const target: fc.Arbitrary<Target> = fc.oneof(fc.nat(POOL.length - 1), fc.constant("moving" as const));

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("set" as const), key: target, value: fc.nat(99) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), key: target }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("add" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat(7) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("step" as const), count: fc.integer({ min: 1, max: 6 }) }) },
);

/** Replays `ops` on a cluster and on a Map, checking every key after every op. */
function replay(ops: readonly Op[]): void {
  const cluster = new ShardCluster(["s0", "s1", "s2"]);
  const model = new Map<string, string>();
  for (const key of POOL.slice(0, 20)) {
    cluster.set(key, "0");
    model.set(key, "0");
  }
  let nextShard = 3;
  let inFlight = POOL[0] as string;
  const done: string[] = [];
  for (const op of ops) {
    const migration = cluster.migration;
    const key =
      op.kind === "set" || op.kind === "delete" ? (op.key === "moving" ? inFlight : (POOL[op.key] as string)) : "";
    if (op.kind === "set") {
      done.push(`set(${key}, "${op.value}")`);
      cluster.set(key, String(op.value));
      model.set(key, String(op.value));
    } else if (op.kind === "delete") {
      done.push(`delete(${key})`);
      expect(cluster.delete(key)).toBe(model.delete(key));
    } else if (op.kind === "step") {
      const steps = Array.from({ length: op.count }, () => migration?.step()).filter((step) => step !== undefined);
      inFlight = steps.at(-1)?.key ?? inFlight;
      done.push(steps.length > 0 ? steps.map(describeStep).join(", ") : "step (nothing to do)");
    } else if (migration !== undefined) {
      done.push(`${op.kind === "add" ? "addShard" : "removeShard"} (refused: a migration runs)`);
      expect(codeOf(RebalanceError, () => cluster.addShard(`s${nextShard}`))).toBe("MIGRATION_IN_PROGRESS");
    } else if (op.kind === "add") {
      done.push(`addShard("s${nextShard}")`);
      cluster.addShard(`s${nextShard++}`);
    } else if (cluster.shards().length === 1) {
      done.push(`removeShard("${cluster.shards()[0]}")`);
      expect(codeOf(RebalanceError, () => cluster.removeShard(cluster.shards()[0] as string))).toBe("LAST_SHARD");
    } else {
      const shards = cluster.shards();
      const leaving = shards[op.pick % shards.length] as string;
      done.push(`removeShard("${leaving}")`);
      cluster.removeShard(leaving);
    }
    // A write can only change its own key; a step or a membership change can move any key.
    const written = op.kind === "set" || op.kind === "delete";
    for (const checked of written ? [key] : POOL) {
      const got = cluster.get(checked);
      if (got !== model.get(checked)) {
        throw new Error(
          `after ${done.join("; ")}: get(${checked}) gave ${JSON.stringify(got)}, expected ${JSON.stringify(model.get(checked))}`,
        );
      }
    }
    if (!written && cluster.migration === undefined) checkSettled(cluster, model, done.join("; "));
  }
}

describe("seeded sequences of adds, removes, writes, deletes and steps", () => {
  test("no key is lost, stale or left in two places", () => {
    fc.assert(fc.property(fc.array(opArbitrary, { minLength: 5, maxLength: 60 }), replay), propertySettings(60));
  });
});

describe("bad input gets a RebalanceError with a code", () => {
  test("a cluster needs at least one shard, each a non-empty string, each listed once", () => {
    expect(codeOf(RebalanceError, () => new ShardCluster([]))).toBe("NO_SHARDS");
    expect(codeOf(RebalanceError, () => new ShardCluster(["a", ""]))).toBe("INVALID_SHARD_ID");
    expect(codeOf(RebalanceError, () => new ShardCluster(["a", "b", "a"]))).toBe("DUPLICATE_SHARD");
    expect(messageOf(() => new ShardCluster(["a", "b", "a"]))).toContain('"a"');
  });

  test("adding a shard the cluster has is refused, names the shard, and starts nothing", () => {
    const cluster = clusterOf(FOUR, STORED.slice(0, 50));
    expect(codeOf(RebalanceError, () => cluster.addShard("shard-2"))).toBe("DUPLICATE_SHARD");
    expect(messageOf(() => cluster.addShard("shard-2"))).toMatch(/"shard-2"/);
    expect(cluster.migration).toBeUndefined();
    expect(cluster.shards()).toEqual(FOUR);
  });

  test("removing a shard the cluster does not have is refused, naming the shards there are", () => {
    const cluster = clusterOf(FOUR, STORED.slice(0, 50));
    expect(codeOf(RebalanceError, () => cluster.removeShard("shard-9"))).toBe("UNKNOWN_SHARD");
    const message = messageOf(() => cluster.removeShard("shard-9"));
    for (const word of ["shard-9", ...FOUR]) expect(message).toContain(word);
    expect(codeOf(RebalanceError, () => cluster.keysOn("shard-9"))).toBe("UNKNOWN_SHARD");
  });

  test("removing the last shard is refused: its keys would have nowhere to go", () => {
    const cluster = clusterOf(["solo"], STORED.slice(0, 50));
    expect(codeOf(RebalanceError, () => cluster.removeShard("solo"))).toBe("LAST_SHARD");
    expect(messageOf(() => cluster.removeShard("solo"))).toMatch(/add another shard/i);
    expect(cluster.keysOn("solo")).toHaveLength(50);
    expect(cluster.migration).toBeUndefined();
  });

  test("a second membership change while a migration runs is refused until it finishes", () => {
    const cluster = clusterOf(FOUR, STORED.slice(0, 50));
    const migration = cluster.addShard("shard-5");
    expect(codeOf(RebalanceError, () => cluster.addShard("shard-6"))).toBe("MIGRATION_IN_PROGRESS");
    expect(codeOf(RebalanceError, () => cluster.removeShard("shard-1"))).toBe("MIGRATION_IN_PROGRESS");
    const message = messageOf(() => cluster.removeShard("shard-1"));
    expect(message).toContain("shard-5");
    expect(message).toMatch(/finish/i);
    migration.run();
    expect(() => cluster.addShard("shard-6")).not.toThrow();
  });

  test("keys are non-empty strings and values are strings", () => {
    const cluster = clusterOf(FOUR, STORED.slice(0, 10));
    expect(codeOf(RebalanceError, () => cluster.get(""))).toBe("INVALID_KEY");
    expect(codeOf(RebalanceError, () => cluster.set(7 as unknown as string, "x"))).toBe("INVALID_KEY");
    expect(codeOf(RebalanceError, () => cluster.delete(""))).toBe("INVALID_KEY");
    expect(codeOf(RebalanceError, () => cluster.set("k", 42 as unknown as string))).toBe("INVALID_VALUE");
    expect(cluster.get("k")).toBeUndefined();
    expect(codeOf(RebalanceError, () => cluster.addShard(""))).toBe("INVALID_SHARD_ID");
  });
});
