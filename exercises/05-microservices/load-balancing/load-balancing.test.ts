import { Prng } from "#kata/sim";
import { codeOf, ensure, messageOf, testSeed } from "#kata/testing";
import { LoadBalancerError } from "./src/errors";
import { ALGORITHMS, LoadBalancer, type Algorithm, type BackendSpec, type Lease } from "./src/load-balancer";

const abc: BackendSpec[] = [{ id: "a" }, { id: "b" }, { id: "c" }];

function seeded(seed = testSeed()): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

function balancer(algorithm: Algorithm, backends: BackendSpec[] = abc, seed?: number): LoadBalancer {
  return new LoadBalancer(algorithm, backends, { random: seeded(seed) });
}

/** Picks n times (keys k0, k1, ...) and keeps every request in flight; the ids in order. */
function heldPicks(lb: LoadBalancer, n: number): string[] {
  return Array.from({ length: n }, (_, i) => lb.pick(`held-${i}`).backend);
}

/** Picks n times (keys k0, k1, ... for consistent-hash), releasing each at once; the ids in order. */
function picks(lb: LoadBalancer, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const lease = lb.pick(`k${i}`);
    out.push(lease.backend);
    lease.release();
  }
  return out;
}

function counts(ids: readonly string[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const id of ids) tally[id] = (tally[id] ?? 0) + 1;
  return tally;
}

describe.each(ALGORITHMS)("%s: what every algorithm promises", (algorithm) => {
  test("a backend marked down is never picked, and is picked again once it is up", () => {
    const lb = balancer(algorithm);
    lb.setHealthy("b", false);
    const whileDown = heldPicks(lb, 300);
    ensure(
      !whileDown.includes("b"),
      `${algorithm} picked b while it was marked down (${counts(whileDown).b ?? 0} of 300 picks)`,
    );
    lb.setHealthy("b", true);
    const afterUp = heldPicks(lb, 300);
    ensure(
      afterUp.includes("b"),
      `${algorithm} never picked b again after it was marked up (300 picks: ${JSON.stringify(counts(afterUp))})`,
    );
  });

  test("inFlight counts picks not yet released, and release() counts once", () => {
    const lb = balancer(algorithm, [{ id: "only" }]);
    const first = lb.pick("k");
    const second = lb.pick("k");
    expect(lb.inFlight("only")).toBe(2);
    first.release();
    expect(lb.inFlight("only")).toBe(1);
    let outcome = "returned normally";
    try {
      first.release();
    } catch (error) {
      outcome = error instanceof LoadBalancerError ? error.code : String(error);
    }
    ensure(
      outcome === "ALREADY_RELEASED" && lb.inFlight("only") === 1,
      `a second release() of the same lease ${outcome === "ALREADY_RELEASED" ? "was refused" : outcome} and left inFlight at ${lb.inFlight("only")}; ` +
        "the second call must be refused with ALREADY_RELEASED and count nothing (1 still in flight), or a busy backend looks idle",
    );
    second.release();
    expect(lb.inFlight("only")).toBe(0);
  });

  test("a removed backend is never picked, and the same verdict twice changes nothing", () => {
    const lb = balancer(algorithm, [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }]);
    lb.remove("b");
    lb.setHealthy("a", true);
    lb.setHealthy("c", false);
    lb.setHealthy("c", false);
    lb.setHealthy("c", true);
    const chosen = heldPicks(lb, 300);
    ensure(!chosen.includes("b"), `${algorithm} picked b after it was removed (${counts(chosen).b ?? 0} of 300 picks)`);
    const fresh = balancer(algorithm, [{ id: "a" }, { id: "c" }, { id: "d" }]);
    ensure(
      algorithm === "random" || algorithm === "power-of-two" || chosen.join() === heldPicks(fresh, 300).join(),
      `${algorithm} after removing b, marking a up while it was up and c down twice then up picked ${JSON.stringify(counts(chosen))}; ` +
        "a balancer built with a, c, d picks differently: a repeated verdict must not add a backend twice to what the algorithm chooses from",
    );
    const tally = counts(chosen);
    ensure(
      Math.max(...Object.values(tally)) - Math.min(...Object.values(tally)) <= 60,
      `${algorithm} split 300 picks over a, c, d as ${JSON.stringify(tally)}; a backend marked up twice must not count twice`,
    );
  });

  test("with every backend down, pick() fails with NO_HEALTHY_BACKEND", () => {
    const lb = balancer(algorithm);
    for (const id of ["a", "b", "c"]) lb.setHealthy(id, false);
    expect(codeOf(LoadBalancerError, () => lb.pick("k"))).toBe("NO_HEALTHY_BACKEND");
    expect(messageOf(LoadBalancerError, () => lb.pick("k"))).toMatch(/down/);
    for (const id of ["a", "b", "c"]) lb.remove(id);
    expect(codeOf(LoadBalancerError, () => lb.pick("k"))).toBe("NO_HEALTHY_BACKEND");
  });
});

describe("round-robin", () => {
  test("each healthy backend in turn, in list order", () => {
    expect(picks(balancer("round-robin"), 7)).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
  });

  test("removing the backend just picked neither skips the next one nor repeats one", () => {
    const lb = balancer("round-robin", [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }]);
    expect(picks(lb, 2)).toEqual(["a", "b"]);
    lb.remove("b");
    const next = picks(lb, 3);
    ensure(
      next.join(" ") === "c d a",
      `after picking a, b and removing b, the next picks were ${next.join(" ")}; expected c d a. ` +
        "A removal before the cursor shifts the list: moving the cursor back one keeps the rotation from skipping c",
    );
    lb.remove("a");
    const after = picks(lb, 2);
    ensure(
      after.join(" ") === "c d",
      `after removing a (picked last) from c, d, a, the next picks were ${after.join(" ")}; expected c d, no skip`,
    );
  });

  test("an added backend joins at the end of the rotation", () => {
    const lb = balancer("round-robin");
    expect(picks(lb, 2)).toEqual(["a", "b"]);
    lb.add({ id: "d" });
    expect(picks(lb, 4)).toEqual(["c", "d", "a", "b"]);
    expect(lb.backends()).toEqual(["a", "b", "c", "d"]);
  });
});

describe("random", () => {
  test("spreads picks evenly over the healthy backends, from the random source it is given", () => {
    const tally = counts(picks(balancer("random"), 30_000));
    for (const id of ["a", "b", "c"])
      ensure(
        Math.abs((tally[id] ?? 0) - 10_000) < 500,
        `random gave ${id} ${tally[id] ?? 0} of 30,000 picks; each of three backends gets about 10,000 (within 5%)`,
      );
    const again = picks(balancer("random"), 50);
    expect(again).toEqual(picks(balancer("random"), 50));
  });
});

describe("least-connections", () => {
  test("the backend with the fewest requests in flight, the earliest in the list on a tie", () => {
    const lb = balancer("least-connections");
    const held = [lb.pick(), lb.pick(), lb.pick()];
    expect(held.map((l) => l.backend)).toEqual(["a", "b", "c"]);
    const bLease = held[1] as Lease;
    bLease.release();
    const next = lb.pick();
    ensure(
      next.backend === "b",
      `with 1, 0 and 1 requests in flight on a, b and c, least-connections picked ${next.backend}; ` +
        "b has the fewest in flight once its request finished: a finished request must be taken off the count",
    );
    const fourth = lb.pick();
    expect(fourth.backend).toBe("a");
  });

  test("follows releases over a long run: the counts never differ by more than one", () => {
    const lb = balancer("least-connections", [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }]);
    const random = seeded();
    const held: Lease[] = [];
    for (let i = 0; i < 2_000; i++) {
      held.push(lb.pick());
      if (held.length > 20) (held.splice(Math.floor(random() * held.length), 1)[0] as Lease).release();
      const loads = ["a", "b", "c", "d"].map((id) => lb.inFlight(id));
      ensure(
        Math.max(...loads) - Math.min(...loads) <= 2,
        `after ${i + 1} picks with requests finishing in random order, in-flight counts were ${loads.join(", ")}; ` +
          "picking the fewest in flight keeps them within a request or two of each other",
      );
    }
  });
});

describe("smooth-weighted", () => {
  test("weights 5, 1, 1 give exactly a a b a c a a, again and again", () => {
    const lb = balancer("smooth-weighted", [
      { id: "a", weight: 5 },
      { id: "b", weight: 1 },
      { id: "c", weight: 1 },
    ]);
    const sequence = picks(lb, 14).join(" ");
    ensure(
      sequence === "a a b a c a a a a b a c a a",
      `weights 5, 1, 1 gave ${sequence}; nginx's smooth weighted round robin gives a a b a c a a per cycle: ` +
        "interleaved, where a plain weighted rotation bunches a a a a a b c and sends a burst to one backend",
    );
  });

  test("any sum(weights) consecutive picks give each backend exactly its weight", () => {
    const weights: BackendSpec[] = [
      { id: "a", weight: 3 },
      { id: "b", weight: 2 },
      { id: "c", weight: 4 },
      { id: "d", weight: 1 },
    ];
    const seq = picks(balancer("smooth-weighted", weights), 100);
    for (let start = 0; start + 10 <= seq.length; start += 10) {
      const window = counts(seq.slice(start, start + 10));
      expect(window).toEqual({ a: 3, b: 2, c: 4, d: 1 });
    }
    let longest = 1;
    for (let i = 1, run = 1; i < seq.length; i++)
      longest = Math.max(longest, (run = seq[i] === seq[i - 1] ? run + 1 : 1));
    ensure(
      longest <= 2,
      `weights 3, 2, 4, 1 gave a run of ${longest} picks of one backend; smooth weighting interleaves them`,
    );
  });

  test("a backend marked down leaves the cycle, and the others share it by their weights", () => {
    const lb = balancer("smooth-weighted", [
      { id: "a", weight: 2 },
      { id: "b", weight: 1 },
      { id: "c", weight: 3 },
    ]);
    lb.setHealthy("c", false);
    expect(counts(picks(lb, 30))).toEqual({ a: 20, b: 10 });
  });
});

describe("consistent-hash", () => {
  const five: BackendSpec[] = ["s1", "s2", "s3", "s4", "s5"].map((id) => ({ id }));
  const keys = Array.from({ length: 5_000 }, (_, i) => `user-${i}`);
  const owners = (lb: LoadBalancer): string[] =>
    keys.map((key) => {
      const lease = lb.pick(key);
      lease.release();
      return lease.backend;
    });

  test("the same key goes to the same backend, on every balancer built the same way", () => {
    expect(owners(balancer("consistent-hash", five))).toEqual(owners(balancer("consistent-hash", [...five].reverse())));
  });

  test("removing one of five backends moves only its keys; adding a sixth moves about a sixth, all to it", () => {
    const lb = balancer("consistent-hash", five);
    const before = owners(lb);
    lb.remove("s3");
    const after = owners(lb);
    const moved = keys.filter((_, i) => before[i] !== after[i]).length;
    const fromOthers = keys.filter((_, i) => before[i] !== "s3" && before[i] !== after[i]).length;
    ensure(
      fromOthers === 0 && moved === before.filter((owner) => owner === "s3").length,
      `removing s3 moved ${moved} of 5,000 keys, ${fromOthers} of them from backends that stayed; ` +
        "only s3's keys may move (a hash modulo the number of backends moves about 80%)",
    );
    lb.add({ id: "s6" });
    const grown = owners(lb);
    const toNew = keys.filter((_, i) => grown[i] === "s6").length;
    const elsewhere = keys.filter((_, i) => grown[i] !== after[i] && grown[i] !== "s6").length;
    ensure(
      elsewhere === 0 && toNew > 500 && toNew < 1_250,
      `adding s6 to four backends moved ${toNew} keys to it and ${elsewhere} between others; about 1,000 (a fifth) should move, all of them to s6`,
    );
  });

  test("a down backend's keys go to the next backend on the ring, and come back when it is up", () => {
    const lb = balancer("consistent-hash", five);
    const before = owners(lb);
    lb.setHealthy("s2", false);
    const during = owners(lb);
    ensure(!during.includes("s2"), "consistent-hash sent a key to s2 while it was down");
    const disturbed = keys.filter((_, i) => before[i] !== "s2" && during[i] !== before[i]).length;
    ensure(disturbed === 0, `marking s2 down moved ${disturbed} keys that were not s2's; only its keys may move`);
    lb.setHealthy("s2", true);
    expect(owners(lb)).toEqual(before);
  });

  test("pick() without a key is refused with KEY_REQUIRED", () => {
    const lb = balancer("consistent-hash", five);
    expect(codeOf(LoadBalancerError, () => lb.pick())).toBe("KEY_REQUIRED");
    expect(codeOf(LoadBalancerError, () => lb.pick(""))).toBe("KEY_REQUIRED");
  });
});

describe("power-of-two", () => {
  test.each([[["busy", "idle"]], [["idle", "busy"]]])(
    "the two candidates are always distinct: with two backends (%j), the idle one wins every time",
    (ids) => {
      const lb = balancer(
        "power-of-two",
        ids.map((id) => ({ id })),
      );
      const busyLeases: Lease[] = [];
      for (let i = 0; i < 200 && busyLeases.length < 10; i++) {
        const lease = lb.pick();
        if (lease.backend === "busy") busyLeases.push(lease);
        else lease.release();
      }
      const chosen = picks(lb, 200);
      const busy = chosen.filter((id) => id === "busy").length;
      ensure(
        busy === 0,
        `with 10 requests in flight on busy and none on idle, power-of-two picked busy ${busy} times in 200; ` +
          "its two candidates must be distinct, so with two backends it always compares both and takes the idle one",
      );
    },
  );

  test("on a tie the first candidate drawn wins", () => {
    const pickWith = (draws: number[]): string => {
      const lb = new LoadBalancer("power-of-two", abc, { random: () => draws.shift() ?? 0 });
      return lb.pick().backend;
    };
    const aThenC = pickWith([0, 0.99]);
    const cThenA = pickWith([0.99, 0]);
    ensure(
      aThenC === "a" && cThenA === "c",
      `with a, b, c idle, draws that name a then c gave ${aThenC}, and draws that name c then a gave ${cThenA}; ` +
        "on a tie the first candidate drawn wins (index floor(r1 * 3), then floor(r2 * 2), moved past the first)",
    );
  });

  test("placing 2,000 long requests on 200 backends: the busiest holds far fewer than with random picks", () => {
    const maxLoad = (algorithm: Algorithm): number => {
      const backends = Array.from({ length: 200 }, (_, i) => ({ id: `b${i}` }));
      const lb = balancer(algorithm, backends, 7);
      for (let i = 0; i < 2_000; i++) lb.pick();
      return Math.max(...backends.map((b) => lb.inFlight(b.id)));
    };
    const random = maxLoad("random");
    const twoChoices = maxLoad("power-of-two");
    ensure(
      twoChoices <= 14 && twoChoices < random,
      `the busiest backend held ${twoChoices} requests with power-of-two and ${random} with random (the mean is 10); ` +
        "comparing two random candidates keeps the maximum near the mean (about 12), random alone lets it reach about 20",
    );
  });
});

describe("changes and leftovers", () => {
  test("a lease of a removed backend may be released, and never touches a new backend with the same id", () => {
    const lb = balancer("least-connections");
    const old = lb.pick();
    expect(old.backend).toBe("a");
    lb.remove("a");
    lb.add({ id: "a" });
    old.release();
    ensure(
      lb.inFlight("a") === 0,
      `the re-added backend a shows ${lb.inFlight("a")} in flight after an old lease of the removed a was released; ` +
        "a lease belongs to the backend it was picked from, not to whatever has its id now",
    );
  });
});

describe("bad input: a typed error that says what to do, and nothing else changes", () => {
  test("construction", () => {
    const code = (backends: BackendSpec[], algorithm: Algorithm = "round-robin", virtualNodes?: number): string =>
      codeOf(LoadBalancerError, () => new LoadBalancer(algorithm, backends, { virtualNodes }));
    expect(code([])).toBe("INVALID_OPTION");
    expect(code(abc, "fastest" as Algorithm)).toBe("UNKNOWN_ALGORITHM");
    expect(messageOf(LoadBalancerError, () => new LoadBalancer("fastest" as Algorithm, abc))).toMatch(/round-robin/);
    expect(code([{ id: "" }])).toBe("INVALID_BACKEND");
    for (const weight of [0, -1, 1.5, 1001, Number.NaN]) {
      const message = messageOf(LoadBalancerError, () => new LoadBalancer("smooth-weighted", [{ id: "a", weight }]));
      ensure(
        code([{ id: "a", weight }], "smooth-weighted") === "INVALID_BACKEND" &&
          message.includes("weight") &&
          message.includes('"a"'),
        `weight ${weight} was refused with "${message}"; INVALID_BACKEND naming the backend and its weight`,
      );
    }
    expect(code([{ id: "a" }, { id: "a" }])).toBe("DUPLICATE_BACKEND");
    for (const virtualNodes of [0, 2.5, 1001])
      expect(code(abc, "consistent-hash", virtualNodes)).toBe("INVALID_OPTION");
  });

  test("changes to unknown or duplicate backends", () => {
    const lb = balancer("round-robin");
    expect(codeOf(LoadBalancerError, () => lb.add({ id: "b" }))).toBe("DUPLICATE_BACKEND");
    expect(codeOf(LoadBalancerError, () => lb.add({ id: "d", weight: 0 }))).toBe("INVALID_BACKEND");
    for (const act of [() => lb.remove("z"), () => lb.setHealthy("z", false), () => lb.inFlight("z")])
      expect(codeOf(LoadBalancerError, act)).toBe("UNKNOWN_BACKEND");
    expect(messageOf(LoadBalancerError, () => lb.remove("z"))).toMatch(/a, b, c/);
    expect(lb.backends()).toEqual(["a", "b", "c"]);
    expect(picks(lb, 3)).toEqual(["a", "b", "c"]);
  });
});
