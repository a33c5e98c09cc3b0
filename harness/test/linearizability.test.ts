/**
 * The linearizability checker on hand-made histories from the literature (Herlihy and Wing's
 * register examples, Jepsen's pending operations), and on large histories made by a register that
 * is linearizable by construction, then broken in one place.
 */
import { checkLinearizable, formatWindow, assertLinearizable, type Model } from "../sim/linearizability";
import {
  kvModel,
  registerModel,
  type KvInput,
  type KvOutput,
  type RegisterInput,
  type RegisterOutput,
} from "../sim/models";
import type { Operation } from "../sim/history";
import { atomicKvHistory } from "./atomic-kv-history";

type RegOp = Operation<RegisterInput<number>, RegisterOutput<number>>;
const register = registerModel(0);
let nextId = 0;
const op = (
  client: string,
  input: RegisterInput<number>,
  invokedAt: number,
  returnedAt?: number,
  output?: RegisterOutput<number>,
): RegOp => ({
  id: nextId++,
  client,
  input,
  invokedAt,
  ...(returnedAt !== undefined ? { returnedAt, output } : {}),
});
const write = (client: string, value: number, from: number, to?: number) =>
  op(client, { type: "write", value }, from, to, to === undefined ? undefined : "ok");
const read = (client: string, value: number, from: number, to: number) => op(client, { type: "read" }, from, to, value);
const linearizable = (
  history: RegOp[],
  model: Model<number, RegisterInput<number>, RegisterOutput<number>> = register,
) => checkLinearizable(history, model).ok;

describe("a register", () => {
  test("a read after a completed write must see it: a stale read is a violation", () => {
    expect(linearizable([write("a", 1, 0, 10), read("b", 1, 20, 30)])).toBe(true);
    expect(linearizable([write("a", 1, 0, 10), read("b", 0, 20, 30)])).toBe(false);
  });

  test("a read cannot see a value before its write was invoked", () => {
    expect(linearizable([read("b", 1, 0, 5), write("a", 1, 10, 20)])).toBe(false);
  });

  test("a read overlapping a write may see the old value or the new", () => {
    expect(linearizable([write("a", 1, 0, 20), read("b", 0, 5, 10)])).toBe(true);
    expect(linearizable([write("a", 1, 0, 20), read("b", 1, 5, 10)])).toBe(true);
  });

  test("concurrent writes take effect in either order, but in one order for every reader", () => {
    const writes = () => [write("a", 1, 0, 10), write("b", 2, 5, 15)];
    expect(linearizable([...writes(), read("c", 1, 20, 25)])).toBe(true);
    expect(linearizable([...writes(), read("c", 2, 20, 25)])).toBe(true);
    // Both writes are over by 15: the register holds one value from then on.
    expect(linearizable([...writes(), read("c", 1, 20, 25), read("d", 2, 30, 35)])).toBe(false);
    // While they overlap, readers may see 1 then 2 (order 1, 2) ...
    expect(linearizable([write("a", 1, 0, 50), write("b", 2, 0, 50), read("c", 1, 10, 15), read("d", 2, 20, 25)])).toBe(
      true,
    );
    // ... but not 2, then 1, then 2 again.
    expect(
      linearizable([
        write("a", 1, 0, 50),
        write("b", 2, 0, 50),
        read("c", 2, 10, 15),
        read("d", 1, 20, 25),
        read("e", 2, 30, 35),
      ]),
    ).toBe(false);
  });

  test("an operation that takes no time is still invoked before it returns, and after what returned at that instant", () => {
    expect(linearizable([write("a", 1, 2, 2)])).toBe(true);
    expect(linearizable([write("a", 1, 2, 2), read("b", 1, 2, 2)])).toBe(true);
    expect(linearizable([write("a", 1, 0, 5), read("b", 1, 5, 5)])).toBe(true);
    expect(linearizable([write("a", 1, 0, 5), read("b", 0, 5, 5)])).toBe(false);
  });

  test("compare-and-set: only one of two racing swaps from the same value can succeed", () => {
    const cas = (client: string, ok: boolean, from: number, to: number) =>
      op(client, { type: "cas", from: 0, to: 1 }, from, to, ok);
    expect(linearizable([cas("a", true, 0, 10), cas("b", false, 5, 15)])).toBe(true);
    expect(linearizable([cas("a", true, 0, 10), cas("b", true, 5, 15)])).toBe(false);
  });

  test("an operation that never returned may take effect at any time after its invocation, or never", () => {
    expect(linearizable([write("a", 1, 0), read("b", 0, 10, 20)])).toBe(true);
    expect(linearizable([write("a", 1, 0), read("b", 1, 10, 20)])).toBe(true);
    expect(linearizable([write("a", 1, 0), read("b", 0, 10, 20), read("c", 1, 30, 40)])).toBe(true);
    // Once seen, it took effect: it cannot be undone.
    expect(linearizable([write("a", 1, 0), read("b", 1, 10, 20), read("c", 0, 30, 40)])).toBe(false);
    // And not before it was invoked.
    expect(linearizable([read("b", 1, 0, 5), write("a", 1, 10)])).toBe(false);
  });

  test("a violation comes with the smallest window that shows it, as a table", () => {
    const history = [
      write("a", 1, 0, 10),
      read("b", 1, 12, 14),
      write("a", 2, 20, 30),
      read("b", 2, 32, 34),
      read("c", 1, 40, 45), // stale: 2 was written and read before
      write("a", 3, 50, 60),
    ];
    const result = checkLinearizable(history, register);
    expect(result.ok).toBe(false);
    expect(result.window.map((o) => o.invokedAt)).toEqual([20, 40]);
    expect(formatWindow(result.window, register)).toBe(
      ["client  operation  invoked  returned", "a       write 2    20       30", "c       read -> 1  40       45"].join(
        "\n",
      ),
    );
    expect(() => assertLinearizable(history, register, "the register's history")).toThrow(
      /the register's history is not linearizable: no order of these 2 operations respects real time[^]*c {7}read -> 1 {2}40 {7}45/,
    );
  });
});

describe("a key-value store, checked key by key", () => {
  test("10,000 operations over 100 keys from an atomic store are linearizable (checked per key)", () => {
    const history = atomicKvHistory(7, 10_000, 100);
    const result = checkLinearizable(history, kvModel<number>());
    expect(result).toMatchObject({ ok: true, operations: 10_000, parts: 100 });
  });

  test("one stale read among 10,000 is found, and the window names its key only", () => {
    const history = atomicKvHistory(8, 10_000, 100);
    // A read whose value was overwritten by a put that completed before the read began.
    const reads = history.filter((o) => o.input.type === "get");
    const victim = reads.find(
      (r) =>
        history.some(
          (w) =>
            w.input.type === "put" &&
            w.input.key === r.input.key &&
            (w.returnedAt as number) < r.invokedAt &&
            r.output !== null &&
            r.output !== w.input.value,
        ) && r.output !== null,
    );
    if (!victim) throw new Error("the seeded history has no read to break");
    const earlier = history.find(
      (w) =>
        w.input.type === "put" &&
        w.input.key === victim.input.key &&
        (w.returnedAt as number) < victim.invokedAt &&
        w.input.value !== victim.output,
    ) as Operation<KvInput<number>, KvOutput<number>>;
    const stale = { ...victim, output: (earlier.input as { value: number }).value - 0.5 }; // a value never written
    const broken = history.map((o) => (o === victim ? stale : o));
    const result = checkLinearizable(broken, kvModel<number>());
    expect(result.ok).toBe(false);
    expect(new Set(result.window.map((o) => o.input.key))).toEqual(new Set([victim.input.key]));
    expect(result.window).toContainEqual(stale);
    expect(result.window.length).toBeLessThanOrEqual(3);
  });

  test("a model that splits by key and one that does not agree", () => {
    const history = atomicKvHistory(9, 60, 3); // unsplit, the search grows fast with length
    const whole: Model<Record<string, number | null>, KvInput<number>, KvOutput<number>> = {
      init: () => ({}),
      step(state, input, output) {
        if (input.type === "put") return [true, { ...state, [input.key]: input.value }];
        return [output === undefined || (state[input.key] ?? null) === output, state];
      },
    };
    expect(checkLinearizable(history, whole).ok).toBe(true);
    const victim = history.findIndex((o, i) => i >= 30 && o.input.type === "get");
    const broken = history.map((o, i) => (i === victim ? { ...o, output: -1 } : o)); // a value never written
    expect(checkLinearizable(broken, whole).ok).toBe(false);
    expect(checkLinearizable(broken, kvModel<number>()).ok).toBe(false);
  });
});
