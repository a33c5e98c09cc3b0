import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import {
  compareVersions,
  CrdtError,
  GCounter,
  LwwRegister,
  mergeVersions,
  MvRegister,
  OrSet,
  PNCounter,
  type VersionVector,
} from "./src/conflict-resolution";

/** What every replicated type here shares: a state to send, and a merge to receive one. */
interface Replica<S> {
  state(): S;
  merge(state: S): void;
}

/** Every replica merges every other's state, twice over, so each has seen everything. */
function exchangeAll<S>(replicas: Replica<S>[]): void {
  for (let round = 0; round < 2; round++)
    for (const to of replicas) for (const from of replicas) if (from !== to) to.merge(from.state());
}

/** A sorted copy, so sets of values compare whatever order a register lists them in. */
const sorted = <T>(values: T[]): T[] => [...values].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

const versions = fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.nat(5), { maxKeys: 4 });

describe("version vectors", () => {
  test("compare: before, after, equal and concurrent, with a missing replica counted as 0", () => {
    const cases: [VersionVector, VersionVector, string][] = [
      [{ a: 1 }, { a: 2 }, "before"],
      [{ a: 2, b: 1 }, { a: 1, b: 1 }, "after"],
      [{ a: 1, b: 0 }, { a: 1 }, "equal"],
      [{}, { a: 0 }, "equal"],
      [{}, { b: 1 }, "before"],
      [{ a: 1 }, { b: 1 }, "concurrent"],
      [{ a: 2, b: 1 }, { a: 1, b: 2 }, "concurrent"],
    ];
    for (const [a, b, expected] of cases) {
      const got = compareVersions(a, b);
      ensure(
        got === expected,
        `compareVersions(${JSON.stringify(a)}, ${JSON.stringify(b)}) is "${got}", expected "${expected}"` +
          (expected === "concurrent" ? ": ahead on one replica and behind on another means neither saw the other" : ""),
      );
    }
  });

  test("compare(a, b) mirrors compare(b, a); merge is commutative, associative, idempotent and sees both", () => {
    const mirror: Record<string, string> = {
      before: "after",
      after: "before",
      equal: "equal",
      concurrent: "concurrent",
    };
    fc.assert(
      fc.property(versions, versions, versions, (a, b, c) => {
        expect(compareVersions(b, a)).toBe(mirror[compareVersions(a, b)]);
        expect(compareVersions(mergeVersions(a, b), mergeVersions(b, a))).toBe("equal");
        expect(compareVersions(mergeVersions(mergeVersions(a, b), c), mergeVersions(a, mergeVersions(b, c)))).toBe(
          "equal",
        );
        expect(compareVersions(mergeVersions(a, a), a)).toBe("equal");
        expect(["after", "equal"]).toContain(compareVersions(mergeVersions(a, b), a));
        expect(["after", "equal"]).toContain(compareVersions(mergeVersions(a, b), b));
      }),
      propertySettings(),
    );
  });

  test("merge returns a new vector and leaves both inputs as they were", () => {
    const a = { a: 1 };
    const b = { b: 2 };
    const merged = mergeVersions(a, b);
    expect(merged).toEqual({ a: 1, b: 2 });
    expect([a, b]).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

describe("G-counter", () => {
  test("three replicas count their own increments; after an exchange each reads the total", () => {
    const replicas = ["eu", "us", "ap"].map((id) => new GCounter(id));
    const [eu, us, ap] = replicas as [GCounter, GCounter, GCounter];
    eu.increment(3);
    us.increment();
    us.increment(4);
    ap.increment(2);
    exchangeAll(replicas);
    for (const replica of replicas)
      ensure(replica.value === 10, `${replica.replica} reads ${replica.value} after a full exchange; 3 + 5 + 2 = 10`);
  });

  test("the same state merged twice counts once: gossip delivers duplicates", () => {
    const eu = new GCounter("eu");
    const us = new GCounter("us");
    us.increment(5);
    eu.merge(us.state());
    eu.merge(us.state());
    ensure(
      eu.value === 5,
      `after merging one state twice, eu reads ${eu.value}, not 5: a merge that adds counts is not idempotent; keep each replica's larger count`,
    );
  });

  test("each replica keeps its own count: two replicas' increments both survive a merge", () => {
    const eu = new GCounter("eu");
    const us = new GCounter("us");
    eu.increment(3);
    us.increment(2);
    eu.merge(us.state());
    ensure(
      eu.value === 5,
      `eu (3) merged with us (2) reads ${eu.value}, not 5: one shared number merged by maximum forgets the smaller side's increments`,
    );
  });

  test("any order of merges, with duplicates, gives the same value on every replica", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 1, max: 9 })), { maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { maxLength: 20 }),
        (increments, gossip) => {
          const replicas = ["a", "b", "c"].map((id) => new GCounter(id));
          for (const [at, amount] of increments) replicas[at]?.increment(amount);
          for (const [from, to] of gossip) replicas[to]?.merge((replicas[from] as GCounter).state());
          exchangeAll(replicas);
          const total = increments.reduce((sum, [, amount]) => sum + amount, 0);
          for (const replica of replicas) expect(replica.value).toBe(total);
        },
      ),
      propertySettings(),
    );
  });
});

describe("PN-counter", () => {
  test("decrements survive merges: +5 on one replica and -2 on another read 3 everywhere", () => {
    const eu = new PNCounter("eu");
    const us = new PNCounter("us");
    eu.increment(5);
    us.decrement(2);
    exchangeAll([eu, us]);
    ensure(
      eu.value === 3 && us.value === 3,
      `after +5 at eu and -2 at us, eu reads ${eu.value} and us ${us.value}; both should read 3. A decrement must be a count ` +
        "of its own: a replica's count merged by maximum cannot go down",
    );
  });

  test("a replica that adds and takes away converges with the others in any merge order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(2),
            fc.integer({ min: -9, max: 9 }).filter((n) => n !== 0),
          ),
          { maxLength: 20 },
        ),
        fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { maxLength: 20 }),
        (steps, gossip) => {
          const replicas = ["a", "b", "c"].map((id) => new PNCounter(id));
          for (const [at, amount] of steps) {
            const replica = replicas[at] as PNCounter;
            if (amount > 0) replica.increment(amount);
            else replica.decrement(-amount);
          }
          for (const [from, to] of gossip) replicas[to]?.merge((replicas[from] as PNCounter).state());
          exchangeAll(replicas);
          const total = steps.reduce((sum, [, amount]) => sum + amount, 0);
          for (const replica of replicas) expect(replica.value).toBe(total);
        },
      ),
      propertySettings(),
    );
  });
});

describe("last-writer-wins register", () => {
  test("the later write wins on every replica, whichever state arrives first", () => {
    for (const order of [0, 1]) {
      const eu = new LwwRegister<string>("eu");
      const us = new LwwRegister<string>("us");
      eu.set("blue", 1_000);
      us.set("green", 2_000);
      if (order === 0) exchangeAll([eu, us]);
      else exchangeAll([us, eu]);
      ensure(
        eu.value === "green" && us.value === "green",
        `eu wrote "blue" at 1000 and us wrote "green" at 2000; after the exchange eu reads ${String(eu.value)} and us ` +
          `${String(us.value)}: the greater timestamp wins, whatever order the states arrive in`,
      );
    }
  });

  test("on equal timestamps the greater replica id wins, in both orders", () => {
    for (const [first, second] of [
      ["eu", "us"],
      ["us", "eu"],
    ] as const) {
      const a = new LwwRegister<string>(first);
      const b = new LwwRegister<string>(second);
      a.set(`from ${first}`, 5_000);
      b.set(`from ${second}`, 5_000);
      a.merge(b.state());
      b.merge(a.state());
      ensure(
        a.value === "from us" && b.value === "from us",
        `two writes at the same millisecond: ${first} reads ${String(a.value)}, ${second} reads ${String(b.value)}. ` +
          `Each replica kept whichever it saw first (or last), so they disagree forever; break ties by replica id ("us" > "eu")`,
      );
    }
  });

  test("a write from a replica whose clock runs behind still supersedes what that replica has seen", () => {
    const fast = new LwwRegister<string>("a-fast"); // its clock is an hour ahead
    const slow = new LwwRegister<string>("b-slow");
    fast.set("draft", 3_600_000);
    slow.merge(fast.state());
    slow.set("final", 1_000); // the user edits after reading "draft"
    ensure(
      slow.value === "final",
      `b-slow read "draft" (stamped 3600000 by a fast clock), then wrote "final" at its own 1000, and now reads ` +
        `${String(slow.value)}: the user's edit vanished. Stamp a write max(now, seen + 1)`,
    );
    fast.merge(slow.state());
    ensure(
      fast.value === "final",
      `a-fast reads ${String(fast.value)} after merging b-slow's newer write; expected "final"`,
    );
  });

  test("an older state merged late changes nothing", () => {
    const eu = new LwwRegister<number>("eu");
    const old = new LwwRegister<number>("us");
    old.set(1, 100);
    const stale = old.state();
    eu.set(2, 200);
    eu.merge(stale);
    ensure(eu.value === 2, `eu wrote 2 at 200 and then merged a state from time 100; it reads ${String(eu.value)}`);
  });

  test("is empty until the first write", () => {
    expect(new LwwRegister<string>("eu").value).toBeUndefined();
    expect(new LwwRegister<string>("eu").state()).toEqual({ entry: null });
  });
});

describe("multi-value register (vector-clock detection, application merge)", () => {
  test("two concurrent writes are both kept, on both replicas, instead of one silently winning", () => {
    const eu = new MvRegister<string>("eu");
    const us = new MvRegister<string>("us");
    eu.set("milk");
    us.set("eggs");
    exchangeAll([eu, us]);
    for (const replica of [eu, us])
      ensure(
        JSON.stringify(sorted(replica.values)) === JSON.stringify(["eggs", "milk"]),
        `${replica.replica} holds ${JSON.stringify(replica.values)} after two concurrent writes; both must be kept as ` +
          "siblings until the application resolves them",
      );
  });

  test("a write made after seeing both siblings replaces both, everywhere", () => {
    const eu = new MvRegister<string>("eu");
    const us = new MvRegister<string>("us");
    eu.set("milk");
    us.set("eggs");
    exchangeAll([eu, us]);
    us.set("milk, eggs");
    exchangeAll([eu, us]);
    for (const replica of [eu, us])
      ensure(
        JSON.stringify(replica.values) === JSON.stringify(["milk, eggs"]),
        `${replica.replica} holds ${JSON.stringify(replica.values)}; us wrote "milk, eggs" after seeing both siblings, ` +
          "so its version has seen both and replaces them",
      );
  });

  test("resolve() writes the application's merge over the siblings (a shopping cart's union)", () => {
    const eu = new MvRegister<string[]>("eu");
    const us = new MvRegister<string[]>("us");
    eu.set(["milk"]);
    us.set(["eggs", "bread"]);
    exchangeAll([eu, us]);
    eu.resolve((carts) => [...new Set(carts.flat())].sort());
    exchangeAll([eu, us]);
    for (const replica of [eu, us]) expect(replica.values).toEqual([["bread", "eggs", "milk"]]);
  });

  test("a state delivered twice does not duplicate a sibling, and an old state does not bring back a replaced value", () => {
    const eu = new MvRegister<string>("eu");
    const us = new MvRegister<string>("us");
    us.set("v1");
    const old = us.state();
    eu.merge(old);
    eu.merge(old);
    ensure(
      eu.values.length === 1,
      `eu merged the same state twice and holds ${JSON.stringify(eu.values)}; expected ["v1"]`,
    );
    us.set("v2");
    eu.merge(us.state());
    eu.merge(old);
    ensure(
      JSON.stringify(eu.values) === JSON.stringify(["v2"]),
      `eu holds ${JSON.stringify(eu.values)} after v2 and then the old state with v1; v2's version has seen v1`,
    );
  });
});

describe("observed-remove set (add-wins)", () => {
  test("an element removed can be added again (a set that remembers removals forever cannot)", () => {
    const set = new OrSet("eu");
    set.add("x");
    set.remove("x");
    ensure(!set.has("x"), "x is still there after remove");
    set.add("x");
    ensure(set.has("x"), "x was added again after a remove, and is missing: a removal must only cover the adds it saw");
  });

  test("a concurrent add and remove: the add wins", () => {
    const eu = new OrSet("eu");
    const us = new OrSet("us");
    eu.add("x");
    us.merge(eu.state());
    eu.remove("x"); // removes the add it saw
    us.add("x"); // a new add, which eu has not seen
    exchangeAll([eu, us]);
    ensure(
      eu.has("x") && us.has("x"),
      `eu removed x while us added it again; after the exchange eu ${eu.has("x") ? "has" : "lacks"} x and us ` +
        `${us.has("x") ? "has" : "lacks"} it. A remove takes away only the adds its replica had seen: us's new add survives`,
    );
  });

  test("a remove propagates: an add seen and then removed elsewhere does not come back", () => {
    const eu = new OrSet("eu");
    const us = new OrSet("us");
    eu.add("x");
    us.merge(eu.state());
    us.remove("x");
    eu.merge(us.state());
    ensure(
      !eu.has("x"),
      "us removed x after seeing eu's add, and eu still has x after merging: a dot missing on one side that the " +
        "other side's clock has seen was removed there; drop it",
    );
  });

  test("an element another replica told us about can be removed here, and stays removed there", () => {
    const eu = new OrSet("eu");
    const us = new OrSet("us");
    us.add("x");
    eu.merge(us.state());
    eu.remove("x");
    us.merge(eu.state());
    ensure(
      !us.has("x") && !eu.has("x"),
      `eu learnt x from us and removed it; us ${us.has("x") ? "still has" : "lacks"} x after merging eu's state. ` +
        "eu's clock must take in the dots it merged, or it cannot show us that it saw (and removed) us's add",
    );
  });

  test("adds on two replicas get different dots: removing one replica's add leaves the other's", () => {
    const eu = new OrSet("eu");
    const us = new OrSet("us");
    eu.add("x");
    us.add("y");
    us.add("x");
    const usState = us.state();
    eu.merge(usState);
    eu.remove("x");
    const fresh = new OrSet("ap");
    fresh.merge(usState);
    fresh.merge(eu.state());
    ensure(!fresh.has("x"), `ap merged us's add of x and eu's removal (which saw it) and still has x`);
    ensure(fresh.has("y"), "ap lost y, which nobody removed");
  });

  test("removed elements leave nothing behind: 1,000 adds and removes leave a small state", () => {
    const set = new OrSet("eu");
    for (let i = 0; i < 1_000; i++) {
      set.add(`item-${i}`);
      set.remove(`item-${i}`);
    }
    const size = JSON.stringify(set.state()).length;
    ensure(
      set.state().entries.length === 0 && size < 200,
      `after 1,000 adds and removes the state has ${set.state().entries.length} entries and ${size} bytes of JSON: ` +
        "tombstones grow forever; the clock alone can remember what was seen",
    );
  });

  test("elements come sorted", () => {
    const set = new OrSet("eu");
    for (const e of ["pear", "apple", "fig"]) set.add(e);
    expect(set.elements).toEqual(["apple", "fig", "pear"]);
  });

  test("any order of merges, with duplicates, converges on every replica", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2), fc.boolean(), fc.constantFrom("x", "y", "z")), { maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { maxLength: 25 }),
        (steps, gossip) => {
          const replicas = ["a", "b", "c"].map((id) => new OrSet(id));
          steps.forEach(([at, add, element], i) => {
            const replica = replicas[at] as OrSet;
            if (add) replica.add(element);
            else replica.remove(element);
            const [from, to] = gossip[i] ?? [0, 0];
            if (from !== to) replicas[to]?.merge((replicas[from] as OrSet).state());
          });
          exchangeAll(replicas);
          const [first, ...rest] = replicas.map((r) => r.elements);
          for (const other of rest) expect(other).toEqual(first);
        },
      ),
      propertySettings(),
    );
  });
});

describe("states are plain data, shared with nobody", () => {
  test("changing a state after sending it, or after merging it, changes no replica", () => {
    const us = new GCounter("us");
    us.increment(2);
    const sent = us.state();
    sent.counts.us = 99;
    expect(us.value).toBe(2);

    const eu = new OrSet("eu");
    const other = new OrSet("ap");
    other.add("x");
    const received = other.state();
    eu.merge(received);
    received.entries.length = 0;
    received.clock.ap = 0;
    ensure(eu.has("x"), "eu lost x when the sender's state object was changed after the merge: copy what you merge");
  });
});

describe("bad input", () => {
  test.each([
    ["an empty id", ""],
    ["__proto__", "__proto__"],
    ["a number", 42],
    ["spaces", "eu west"],
  ])("a replica id that is %s is refused with INVALID_REPLICA_ID", (_, id) => {
    for (const make of [
      () => new GCounter(id as string),
      () => new PNCounter(id as string),
      () => new LwwRegister(id as string),
      () => new MvRegister(id as string),
      () => new OrSet(id as string),
    ])
      expect(codeOf(CrdtError, make)).toBe("INVALID_REPLICA_ID");
  });

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "an amount of %p is refused with INVALID_AMOUNT and counts nothing",
    (amount) => {
      const g = new GCounter("eu");
      const pn = new PNCounter("eu");
      expect(codeOf(CrdtError, () => g.increment(amount))).toBe("INVALID_AMOUNT");
      expect(codeOf(CrdtError, () => pn.increment(amount))).toBe("INVALID_AMOUNT");
      expect(codeOf(CrdtError, () => pn.decrement(amount))).toBe("INVALID_AMOUNT");
      expect([g.value, pn.value]).toEqual([0, 0]);
    },
  );

  test("a clock reading that is negative or not finite is refused with INVALID_TIMESTAMP, and writes nothing", () => {
    const register = new LwwRegister<string>("eu");
    for (const now of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(codeOf(CrdtError, () => register.set("x", now))).toBe("INVALID_TIMESTAMP");
    expect(register.value).toBeUndefined();
    expect(messageOf(CrdtError, () => register.set("x", -1))).toMatch(/-1/);
  });

  test("a malformed state is refused with INVALID_STATE, and the replica is as it was", () => {
    const g = new GCounter("eu");
    g.increment(4);
    for (const bad of [{ counts: { us: -1 } }, { counts: { us: 1.5 } }, { counts: { "bad id": 1 } }, {}])
      expect(codeOf(CrdtError, () => g.merge(bad as never))).toBe("INVALID_STATE");
    expect(g.value).toBe(4);

    const set = new OrSet("eu");
    set.add("keep");
    const future = { clock: { us: 1 }, entries: [["x", [["us", 5]]]] };
    expect(codeOf(CrdtError, () => set.merge(future as never))).toBe("INVALID_STATE");
    expect(codeOf(CrdtError, () => set.merge({ clock: {}, entries: "x" } as never))).toBe("INVALID_STATE");
    expect(set.elements).toEqual(["keep"]);
  });

  test("resolve() on an empty register is refused with NOTHING_TO_RESOLVE", () => {
    const register = new MvRegister<string>("eu");
    expect(codeOf(CrdtError, () => register.resolve((values) => values.join()))).toBe("NOTHING_TO_RESOLVE");
    expect(register.values).toEqual([]);
  });
});
