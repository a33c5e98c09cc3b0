/** Grading-only tests: seeded sequences of picks, releases and membership changes against plain models. */
import fc from "fast-check";
import { hash32 } from "#kata/hash32";
import { Prng } from "#kata/sim";
import { codeOf, ensure, messageOf, propertySettings, testSeed } from "#kata/testing";
import { LoadBalancerError } from "./src/errors";
import { LoadBalancer, type Algorithm, type BackendSpec, type Lease } from "./src/load-balancer";

interface ModelBackend {
  id: string;
  weight: number;
  healthy: boolean;
  inFlight: number;
  current: number;
}

type Step =
  | { kind: "pick"; key: number }
  | { kind: "release"; index: number }
  | { kind: "add"; weight: number }
  | { kind: "remove"; index: number }
  | { kind: "health"; index: number; healthy: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("pick" as const), key: fc.nat(50) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("release" as const), index: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("add" as const), weight: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), index: fc.nat(10) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("health" as const), index: fc.nat(10), healthy: fc.boolean() }),
  },
);

/** What each deterministic algorithm must pick, computed from the model; undefined: none healthy. */
function expectedPick(
  algorithm: Algorithm,
  model: ModelBackend[],
  state: { lastIndex: number },
  key: string,
): string | undefined {
  const healthy = model.filter((b) => b.healthy);
  if (healthy.length === 0) return undefined;
  if (algorithm === "least-connections") {
    const fewest = Math.min(...healthy.map((b) => b.inFlight));
    return healthy.find((b) => b.inFlight === fewest)?.id;
  }
  if (algorithm === "round-robin") {
    const n = model.length;
    for (let step = 1; step <= n; step++) {
      const candidate = model[(state.lastIndex + step + n) % n] as ModelBackend;
      if (candidate.healthy) return candidate.id;
    }
    return undefined;
  }
  if (algorithm === "smooth-weighted") {
    let best: ModelBackend | undefined;
    let total = 0;
    for (const b of healthy) {
      b.current += b.weight;
      total += b.weight;
      if (best === undefined || b.current > best.current) best = b;
    }
    (best as ModelBackend).current -= total;
    return best?.id;
  }
  // consistent-hash: 100 points per backend, first point at or after the key, next healthy clockwise.
  const points = model
    .flatMap((b) => Array.from({ length: 100 }, (_, i) => ({ position: hash32(`${b.id}#${i}`), b })))
    .sort((x, y) => x.position - y.position || (x.b.id < y.b.id ? -1 : 1));
  const h = hash32(key);
  let start = points.findIndex((p) => p.position >= h);
  if (start < 0) start = 0;
  for (let step = 0; step < points.length; step++) {
    const p = points[(start + step) % points.length] as { b: ModelBackend };
    if (p.b.healthy) return p.b.id;
  }
  return undefined;
}

describe.each(["round-robin", "least-connections", "smooth-weighted", "consistent-hash"] as const)(
  "%s agrees with a plain model over seeded sequences of picks, releases and changes",
  (algorithm) => {
    test("every pick, every in-flight count", () => {
      fc.assert(
        fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), (steps) => {
          const initial: BackendSpec[] = [
            { id: "a", weight: 3 },
            { id: "b", weight: 1 },
            { id: "c", weight: 2 },
          ];
          const lb = new LoadBalancer(algorithm, initial);
          const model: ModelBackend[] = initial.map((b) => ({
            id: b.id,
            weight: b.weight ?? 1,
            healthy: true,
            inFlight: 0,
            current: 0,
          }));
          const state = { lastIndex: -1 };
          const held: { lease: Lease; backend: ModelBackend }[] = [];
          const log: string[] = [];
          let added = 0;
          for (const step of steps) {
            if (step.kind === "pick") {
              const key = `key-${step.key}`;
              const expected = expectedPick(algorithm, model, state, key);
              if (expected === undefined) {
                expect(codeOf(LoadBalancerError, () => lb.pick(key))).toBe("NO_HEALTHY_BACKEND");
                continue;
              }
              const lease = lb.pick(key);
              ensure(
                lease.backend === expected,
                `${algorithm}: after ${log.slice(-8).join("; ") || "nothing"}, pick(${key}) gave ${lease.backend}; the rules give ${expected} ` +
                  `(backends ${model.map((b) => `${b.id}${b.healthy ? "" : " down"} w${b.weight} ${b.inFlight} in flight`).join(", ")})`,
              );
              const backend = model.find((b) => b.id === expected) as ModelBackend;
              backend.inFlight += 1;
              state.lastIndex = model.indexOf(backend);
              held.push({ lease, backend });
              log.push(`pick -> ${expected}`);
            } else if (step.kind === "release" && held.length > 0) {
              const [entry] = held.splice(step.index % held.length, 1);
              if (entry === undefined) continue;
              entry.lease.release();
              if (model.includes(entry.backend)) entry.backend.inFlight -= 1;
              log.push(`release ${entry.backend.id}`);
            } else if (step.kind === "add") {
              const id = `n${added++}`;
              lb.add({ id, weight: step.weight });
              model.push({ id, weight: step.weight, healthy: true, inFlight: 0, current: 0 });
              log.push(`add ${id}`);
            } else if (step.kind === "remove" && model.length > 1) {
              const index = step.index % model.length;
              const [gone] = model.splice(index, 1);
              lb.remove((gone as ModelBackend).id);
              if (index <= state.lastIndex) state.lastIndex -= 1;
              log.push(`remove ${(gone as ModelBackend).id}`);
            } else if (step.kind === "health" && model.length > 0) {
              const target = model[step.index % model.length] as ModelBackend;
              target.healthy = step.healthy;
              lb.setHealthy(target.id, step.healthy);
              log.push(`${target.id} ${step.healthy ? "up" : "down"}`);
            }
            for (const b of model)
              ensure(
                lb.inFlight(b.id) === b.inFlight,
                `${algorithm}: after ${log.slice(-8).join("; ")}, inFlight(${b.id}) is ${lb.inFlight(b.id)}; ${b.inFlight} of its picks are not yet released`,
              );
          }
        }),
        propertySettings(120),
      );
    });
  },
);

describe("grading-only cases", () => {
  test("power-of-two on a tie takes the first drawn candidate, so idle backends share picks evenly", () => {
    const prng = new Prng(testSeed());
    const lb = new LoadBalancer("power-of-two", [{ id: "a" }, { id: "b" }, { id: "c" }], { random: () => prng.next() });
    const tally: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) {
      const lease = lb.pick();
      tally[lease.backend] = (tally[lease.backend] ?? 0) + 1;
      lease.release();
    }
    for (const id of ["a", "b", "c"])
      ensure(
        Math.abs((tally[id] as number) - 10_000) < 500,
        `with every backend idle, power-of-two gave ${id} ${tally[id]} of 30,000 picks; a tie must go to the first candidate drawn ` +
          "(random), not to the earlier one in the list, or the first backends take more than their share",
      );
  });

  test("consistent-hash with 100 points per backend keeps every backend within 30% of its share", () => {
    const lb = new LoadBalancer(
      "consistent-hash",
      ["s1", "s2", "s3", "s4", "s5"].map((id) => ({ id })),
    );
    const tally: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const lease = lb.pick(`session-${i}`);
      tally[lease.backend] = (tally[lease.backend] ?? 0) + 1;
      lease.release();
    }
    const loads = Object.values(tally);
    ensure(
      loads.length === 5 && Math.max(...loads) < 2_600 && Math.min(...loads) > 1_400,
      `10,000 keys over five backends split ${JSON.stringify(tally)}; with 100 points at hash32("<id>#<i>") each holds about 2,000`,
    );
  });

  test("a backend added to smooth-weighted starts from zero and gets its share at once", () => {
    const lb = new LoadBalancer("smooth-weighted", [
      { id: "a", weight: 2 },
      { id: "b", weight: 1 },
    ]);
    for (let i = 0; i < 4; i++) lb.pick().release();
    lb.add({ id: "c", weight: 3 });
    const tally: Record<string, number> = {};
    for (let i = 0; i < 60; i++) {
      const lease = lb.pick();
      tally[lease.backend] = (tally[lease.backend] ?? 0) + 1;
      lease.release();
    }
    expect(tally).toEqual({ a: 20, b: 10, c: 30 });
  });

  test("messages name what was wrong", () => {
    const lb = new LoadBalancer("round-robin", [{ id: "a" }]);
    expect(messageOf(LoadBalancerError, () => lb.add({ id: "a" }))).toMatch(/"a"/);
    expect(
      messageOf(LoadBalancerError, () => new LoadBalancer("consistent-hash", [{ id: "a" }], { virtualNodes: 0 })),
    ).toMatch(/virtualNodes/);
    expect(messageOf(LoadBalancerError, () => new LoadBalancer("round-robin", []))).toMatch(/backend/);
    expect(messageOf(LoadBalancerError, () => new LoadBalancer("consistent-hash", [{ id: "a" }]).pick())).toMatch(
      /key/,
    );
    lb.remove("a");
    expect(messageOf(LoadBalancerError, () => lb.pick())).toMatch(/add/);
    expect(messageOf(LoadBalancerError, () => lb.inFlight("a"))).toMatch(/none/);
  });

  test("a key that hashes exactly onto a point goes to that point's backend", () => {
    const lb = new LoadBalancer(
      "consistent-hash",
      ["s1", "s2", "s3", "s4", "s5"].map((id) => ({ id })),
    );
    for (const id of ["s1", "s2", "s3", "s4", "s5"])
      for (const i of [0, 7, 42, 99]) {
        const lease = lb.pick(`${id}#${i}`);
        lease.release();
        ensure(
          lease.backend === id,
          `the key "${id}#${i}" hashes exactly to ${id}'s point ${i}, yet went to ${lease.backend}; a key goes to the first point AT or after its hash`,
        );
      }
  });

  test("the limits are inclusive, and refusals say what to do", () => {
    expect(new LoadBalancer("smooth-weighted", [{ id: "a", weight: 1000 }]).backends()).toEqual(["a"]);
    expect(new LoadBalancer("consistent-hash", [{ id: "a" }], { virtualNodes: 1000 }).backends()).toEqual(["a"]);
    expect(codeOf(LoadBalancerError, () => new LoadBalancer("round-robin", [{ id: 5 as unknown as string }]))).toBe(
      "INVALID_BACKEND",
    );
    expect(messageOf(LoadBalancerError, () => new LoadBalancer("round-robin", [{ id: "" }]))).toMatch(
      /non-empty string id/,
    );
    expect(messageOf(LoadBalancerError, () => new LoadBalancer("fastest" as Algorithm, [{ id: "a" }]))).toMatch(
      /round-robin, random, least-connections, smooth-weighted, consistent-hash, power-of-two/,
    );
    const lease = new LoadBalancer("random", [{ id: "a" }]).pick();
    lease.release();
    expect(messageOf(LoadBalancerError, () => lease.release())).toMatch(
      /already released; call release\(\) once per pick/,
    );
  });

  test("two backends whose points collide: the smaller id owns each shared point, in any order of adds", () => {
    // FNV-1a's state after "db-vqihr1" equals its state after "db-hn2snn", so "<id>#<i>" hashes
    // alike for every i: all 100 points of the two backends sit on the same positions.
    for (const order of [
      ["db-vqihr1", "db-hn2snn"],
      ["db-hn2snn", "db-vqihr1"],
    ]) {
      const lb = new LoadBalancer(
        "consistent-hash",
        order.map((id) => ({ id })),
      );
      const owners = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const lease = lb.pick(`user-${i}`);
        owners.add(lease.backend);
        lease.release();
      }
      ensure(
        owners.size === 1 && owners.has("db-hn2snn"),
        `with backends added as ${order.join(", ")}, whose points all collide, keys went to ${[...owners].join(" and ")}; ` +
          "points at equal positions are ordered by backend id, so db-hn2snn owns every one, whatever the order of adds",
      );
    }
  });
});
