/**
 * Grading-only checks: every type against a plain model of what its replicas must show, step by
 * step, under random operations and random gossip. A model keeps every write it knows of (no
 * clever metadata), so it is obviously right, and slow; the replica must agree with it after
 * every step, not only at the end.
 */
import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import {
  compareVersions,
  CrdtError,
  GCounter,
  LwwRegister,
  MvRegister,
  OrSet,
  PNCounter,
  type VersionVector,
} from "./src/conflict-resolution";

const REPLICAS = ["a", "b", "c"] as const;
const settings = propertySettings(150);

/** What a step does: an operation at one replica, then maybe one replica merging another's state. */
const gossipStep = fc.tuple(fc.nat(2), fc.nat(2));

describe("OR-set against a set that keeps every add and every removal", () => {
  interface Model {
    adds: Map<string, string>; // add id -> element
    removed: Set<string>; // add ids some replica removed after seeing them
  }
  const present = (m: Model): string[] =>
    [...new Set([...m.adds].filter(([id]) => !m.removed.has(id)).map(([, e]) => e))].sort();

  test("agrees after every step", () => {
    let nextId = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat(2), fc.boolean(), fc.constantFrom("x", "y", "__proto__", "constructor", "", "ü"), gossipStep),
          { maxLength: 40 },
        ),
        (steps) => {
          const sets = REPLICAS.map((id) => new OrSet(id));
          const models: Model[] = REPLICAS.map(() => ({ adds: new Map(), removed: new Set() }));
          for (const [at, add, element, [from, to]] of steps) {
            const set = sets[at] as OrSet;
            const model = models[at] as Model;
            if (add) {
              set.add(element);
              model.adds.set(String(nextId++), element);
            } else {
              set.remove(element);
              for (const [id, e] of model.adds) if (e === element) model.removed.add(id);
            }
            if (from !== to) {
              (sets[to] as OrSet).merge((sets[from] as OrSet).state());
              const [source, target] = [models[from] as Model, models[to] as Model];
              for (const [id, e] of source.adds) target.adds.set(id, e);
              for (const id of source.removed) target.removed.add(id);
            }
            sets.forEach((s, i) => {
              const expected = present(models[i] as Model);
              ensure(
                JSON.stringify(s.elements) === JSON.stringify(expected),
                `replica ${s.replica} holds ${JSON.stringify(s.elements)}; the adds it has seen and not seen removed ` +
                  `give ${JSON.stringify(expected)}`,
              );
            });
          }
        },
      ),
      settings,
    );
  });
});

describe("multi-value register against the set of writes each replica knows", () => {
  interface Write {
    value: number;
    saw: Set<number>;
  }
  const current = (known: Map<number, Write>): number[] => {
    const superseded = new Set([...known.values()].flatMap((w) => [...w.saw]));
    return [...known]
      .filter(([id]) => !superseded.has(id))
      .map(([, w]) => w.value)
      .sort((x, y) => x - y);
  };

  test("agrees after every step, with resolve() as a write", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.boolean(), gossipStep), { maxLength: 30 }), (steps) => {
        const registers = REPLICAS.map((id) => new MvRegister<number>(id));
        const known = REPLICAS.map(() => new Map<number, Write>());
        let nextId = 0;
        for (const [at, resolve, [from, to]] of steps) {
          const register = registers[at] as MvRegister<number>;
          const mine = known[at] as Map<number, Write>;
          const id = nextId++;
          const value = resolve && register.values.length > 0 ? Math.max(...register.values) + 1000 : id;
          if (resolve && register.values.length > 0) register.resolve((values) => Math.max(...values) + 1000);
          else register.set(value);
          mine.set(id, { value, saw: new Set(mine.keys()) });
          if (from !== to) {
            (registers[to] as MvRegister<number>).merge((registers[from] as MvRegister<number>).state());
            for (const [wid, w] of known[from] as Map<number, Write>) (known[to] as Map<number, Write>).set(wid, w);
          }
          registers.forEach((r, i) => {
            const expected = current(known[i] as Map<number, Write>);
            const got = [...r.values].sort((x, y) => x - y);
            ensure(
              JSON.stringify(got) === JSON.stringify(expected),
              `replica ${r.replica} holds ${JSON.stringify(got)}; the writes it knows, less those a later write saw, ` +
                `are ${JSON.stringify(expected)}`,
            );
          });
        }
      }),
      settings,
    );
  });
});

describe("LWW register against the greatest (timestamp, replica) of the writes each replica knows", () => {
  interface Write {
    value: number;
    timestamp: number;
    replica: string;
  }
  const winner = (writes: Write[]): Write | undefined =>
    writes.reduce<Write | undefined>(
      (best, w) =>
        best === undefined ||
        w.timestamp > best.timestamp ||
        (w.timestamp === best.timestamp && w.replica > best.replica)
          ? w
          : best,
      undefined,
    );

  test("agrees after every step, with clocks that disagree and stand still", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(50), gossipStep), { maxLength: 30 }), (steps) => {
        const registers = REPLICAS.map((id) => new LwwRegister<number>(id));
        const known = REPLICAS.map((): Write[] => []);
        steps.forEach(([at, now, [from, to]], value) => {
          const register = registers[at] as LwwRegister<number>;
          const seen = winner(known[at] as Write[]);
          register.set(value, now);
          const timestamp = seen === undefined ? now : Math.max(now, seen.timestamp + 1);
          (known[at] as Write[]).push({ value, timestamp, replica: REPLICAS[at] as string });
          if (from !== to) {
            (registers[to] as LwwRegister<number>).merge((registers[from] as LwwRegister<number>).state());
            (known[to] as Write[]).push(...(known[from] as Write[]));
          }
          registers.forEach((r, i) => expect(r.value).toBe(winner(known[i] as Write[])?.value));
        });
      }),
      settings,
    );
  });

  test("state() is a copy: changing its entry changes nothing", () => {
    const register = new LwwRegister<string>("eu");
    register.set("kept", 10);
    const state = register.state();
    if (state.entry) state.entry.value = "changed";
    expect(register.value).toBe("kept");
  });
});

describe("counters against the sum of the increments each replica knows", () => {
  test("PN-counter agrees after every step", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(2),
            fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0),
            gossipStep,
          ),
          {
            maxLength: 30,
          },
        ),
        (steps) => {
          const counters = REPLICAS.map((id) => new PNCounter(id));
          const known = REPLICAS.map(() => new Map<number, number>());
          steps.forEach(([at, amount, [from, to]], id) => {
            const counter = counters[at] as PNCounter;
            if (amount > 0) counter.increment(amount);
            else counter.decrement(-amount);
            (known[at] as Map<number, number>).set(id, amount);
            if (from !== to) {
              (counters[to] as PNCounter).merge((counters[from] as PNCounter).state());
              for (const [k, v] of known[from] as Map<number, number>) (known[to] as Map<number, number>).set(k, v);
            }
            counters.forEach((c, i) =>
              expect(c.value).toBe([...(known[i] as Map<number, number>).values()].reduce((s, v) => s + v, 0)),
            );
          });
        },
      ),
      settings,
    );
  });

  test("G-counter state names each replica with its own count", () => {
    const eu = new GCounter("eu");
    const us = new GCounter("us");
    eu.increment(2);
    us.increment(7);
    eu.merge(us.state());
    expect(eu.state()).toEqual({ counts: { eu: 2, us: 7 } });
  });
});

describe("version vectors", () => {
  test("'before' is a strict partial order: irreflexive and transitive", () => {
    const vector = fc.dictionary(fc.constantFrom("a", "b", "c"), fc.nat(3), { maxKeys: 3 });
    fc.assert(
      fc.property(vector, vector, vector, (a: VersionVector, b: VersionVector, c: VersionVector) => {
        expect(compareVersions(a, a)).toBe("equal");
        if (compareVersions(a, b) === "before" && compareVersions(b, c) === "before")
          expect(compareVersions(a, c)).toBe("before");
      }),
      propertySettings(300),
    );
  });
});

describe("exact states", () => {
  test("an OR-set keeps exactly the dots no side has seen removed", () => {
    const a = new OrSet("a");
    const b = new OrSet("b");
    a.add("x");
    b.add("x");
    b.merge(a.state());
    a.merge(b.state());
    expect(a.state().entries).toEqual([
      [
        "x",
        expect.arrayContaining([
          ["a", 1],
          ["b", 1],
        ]),
      ],
    ]);
    b.remove("x");
    b.add("x"); // b's new add has seen both old ones
    a.merge(b.state());
    expect(a.state().entries).toEqual([["x", [["b", 2]]]]);
    expect(a.state().clock).toEqual({ a: 1, b: 2 });
  });

  test("an OR-set drops one of two dots that the other side has seen removed, and keeps the other", () => {
    const a = new OrSet("a");
    const b = new OrSet("b");
    const c = new OrSet("c");
    b.add("x");
    c.merge(b.state()); // c has seen b's add
    a.add("x");
    a.merge(b.state()); // a holds x with a's dot and b's
    c.remove("x"); // c removes b's add, never having seen a's
    a.merge(c.state());
    expect(a.state().entries).toEqual([["x", [["a", 1]]]]);
  });
});

describe("bad states and the messages that say what was wrong", () => {
  test("an LWW register refuses a state with a bad timestamp, replica or entry, and keeps its value", () => {
    const register = new LwwRegister<string>("eu");
    register.set("kept", 10);
    const bad = [
      { entry: { value: "x", timestamp: -1, replica: "us" } },
      { entry: { value: "x", timestamp: Number.NaN, replica: "us" } },
      { entry: { value: "x", timestamp: 5, replica: "bad id" } },
      { entry: { value: "x", timestamp: 5, replica: 7 } },
      { entry: "x" },
    ];
    for (const state of bad) {
      expect(codeOf(CrdtError, () => register.merge(state as never))).toBe("INVALID_STATE");
      expect(messageOf(CrdtError, () => register.merge(state as never))).toMatch(/LwwRegister.*state\(\)/);
    }
    expect(messageOf(CrdtError, () => register.merge(bad[0] as never))).toMatch(/timestamp.*-1/);
    expect(messageOf(CrdtError, () => register.merge(bad[2] as never))).toMatch(/bad id/);
    expect(register.value).toBe("kept");
  });

  test("a multi-value register refuses entries that are not an array, a null entry or a bad version", () => {
    const register = new MvRegister<string>("eu");
    register.set("kept");
    for (const state of [{ entries: "x" }, { entries: [null] }, { entries: [{ value: "x", version: { us: -1 } }] }])
      expect(codeOf(CrdtError, () => register.merge(state as never))).toBe("INVALID_STATE");
    expect(messageOf(CrdtError, () => register.merge({ entries: "x" } as never))).toMatch(/entries.*"x"/);
    expect(
      messageOf(CrdtError, () => register.merge({ entries: [{ value: 1, version: { us: -1 } }] } as never)),
    ).toMatch(/-1/);
    expect(register.values).toEqual(["kept"]);
  });

  test("an OR-set refuses malformed pairs and dots, naming them, and keeps its elements", () => {
    const set = new OrSet("eu");
    set.add("kept");
    const cases: [unknown, RegExp][] = [
      [{ clock: { us: 1 }, entries: [["x"]] }, /\["x"\]/],
      [{ clock: { us: 1 }, entries: [["x", [["us", 0]]]] }, /\["us",0\]/],
      [{ clock: { us: 1 }, entries: [["x", [["bad id", 1]]]] }, /bad id/],
      [{ clock: { us: 1 }, entries: [["x", ["us"]]] }, /"us"/],
      [{ clock: { us: -2 }, entries: [] }, /-2/],
      [{ clock: { us: 1 }, entries: [["x", [["us", 3]]]] }, /newer than the state's own clock/],
    ];
    for (const [state, names] of cases) {
      expect(codeOf(CrdtError, () => set.merge(state as never))).toBe("INVALID_STATE");
      expect(messageOf(CrdtError, () => set.merge(state as never))).toMatch(names);
    }
    expect(set.elements).toEqual(["kept"]);
    expect(set.state().clock).toEqual({ eu: 1 });
  });

  test("counters refuse bad states, naming the field, and count on as before", () => {
    const pn = new PNCounter("eu");
    pn.increment(3);
    expect(codeOf(CrdtError, () => pn.merge({ increments: {}, decrements: { us: 1.5 } } as never))).toBe(
      "INVALID_STATE",
    );
    expect(messageOf(CrdtError, () => pn.merge({ increments: {}, decrements: { us: 1.5 } } as never))).toMatch(
      /decrements.*us.*1\.5/,
    );
    expect(codeOf(CrdtError, () => pn.merge({ increments: [], decrements: {} } as never))).toBe("INVALID_STATE");
    expect(pn.value).toBe(3);
    const g = new GCounter("eu");
    expect(messageOf(CrdtError, () => g.merge({ counts: { us: -1 } }))).toMatch(/counts.*us.*-1.*state\(\)/);
  });

  test("each refused state is named by its type, its field and what was expected of it", () => {
    const cases: [string, () => unknown, RegExp][] = [
      [
        "GCounter counts",
        () => new GCounter("eu").merge({ counts: [] } as never),
        /GCounter.*counts is \[\], not an object/,
      ],
      [
        "GCounter replica",
        () => new GCounter("eu").merge({ counts: { "bad id": 1 } }),
        /GCounter.*counts names replica "bad id"/,
      ],
      [
        "PNCounter increments",
        () => new PNCounter("eu").merge({ increments: null, decrements: {} } as never),
        /PNCounter.*increments is null/,
      ],
      [
        "PNCounter decrements",
        () => new PNCounter("eu").merge({ increments: {}, decrements: 3 } as never),
        /PNCounter.*decrements is 3/,
      ],
      [
        "OrSet entries",
        () => new OrSet("eu").merge({ clock: {}, entries: "x" } as never),
        /OrSet.*entries is "x", not an array of pairs/,
      ],
      [
        "OrSet pair",
        () => new OrSet("eu").merge({ clock: {}, entries: [[1, []]] } as never),
        /OrSet.*an entry is \[1,\[\]\], not \[element, dots\]/,
      ],
      [
        "OrSet dot",
        () => new OrSet("eu").merge({ clock: { us: 1 }, entries: [["x", [7]]] } as never),
        /OrSet.*element "x" has dot 7, not \[replica, counter\]/,
      ],
      [
        "OrSet newer dot",
        () => new OrSet("eu").merge({ clock: {}, entries: [["x", [["us", 1]]]] }),
        /OrSet.*dot \["us",1\] is newer/,
      ],
      [
        "MvRegister entries",
        () => new MvRegister("eu").merge({ entries: {} } as never),
        /MvRegister.*entries is \{\}, not an array/,
      ],
      [
        "MvRegister entry",
        () => new MvRegister("eu").merge({ entries: [null] } as never),
        /MvRegister.*an entry is null/,
      ],
      [
        "MvRegister version",
        () => new MvRegister("eu").merge({ entries: [{ value: 1, version: "v" }] } as never),
        /MvRegister.*an entry's version is "v"/,
      ],
    ];
    for (const [what, act, expected] of cases) {
      const message = messageOf(CrdtError, act);
      if (!expected.test(message))
        throw new Error(
          `${what}: the refusal said "${message}"; it should match ${String(expected)}, so the reader knows which state and which field to fix`,
        );
    }
  });

  test("a count of 0 is a valid state (a replica that has not counted yet), not a refusal", () => {
    const g = new GCounter("eu");
    g.increment(2);
    g.merge({ counts: { us: 0 } });
    expect(g.value).toBe(2);
    const set = new OrSet("eu");
    set.merge({ clock: { us: 0 }, entries: [] });
    expect(set.elements).toEqual([]);
  });

  test("each refusal names the value it refused", () => {
    expect(messageOf(CrdtError, () => new GCounter("eu west"))).toMatch(/"eu west"/);
    expect(messageOf(CrdtError, () => new OrSet(42 as never))).toMatch(/number/);
    expect(messageOf(CrdtError, () => new GCounter("eu").increment(0))).toMatch(/increment\(0\)/);
    expect(messageOf(CrdtError, () => new PNCounter("eu").decrement(-4))).toMatch(/decrement\(-4\)/);
    expect(messageOf(CrdtError, () => new PNCounter("eu").increment(Number.NaN))).toMatch(/increment\(NaN\)/);
    expect(messageOf(CrdtError, () => new LwwRegister("eu").set("x", Number.NaN))).toMatch(/NaN/);
    expect(messageOf(CrdtError, () => new MvRegister("eu").resolve((v) => v[0]))).toMatch(/set\(\) or merge\(\)/);
  });
});
