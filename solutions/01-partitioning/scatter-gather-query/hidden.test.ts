/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import fc from "fast-check";
import { codeOf, codeOfAsync, deferred, ensure, messageOf, propertySettings } from "#kata/testing";
import { VirtualTimers } from "#kata/sim";
import { QueryError } from "./src/errors";
import { mergeSorted } from "./src/merge";
import type { Query, QueryResult, Row, ScatterGatherOptions, Shard, SortKey } from "./src/query";
import { ScatterGatherEngine } from "./src/scatter-gather";
import { InMemoryShard, ORDER_COLUMNS, dealRows, seededOrders, singleNodeQuery } from "./in-memory-shard";

const ORDERS = seededOrders(200, 4242);

function engineOf(shards: readonly Shard[], options: Partial<ScatterGatherOptions> = {}): ScatterGatherEngine {
  return new ScatterGatherEngine({ shards, columns: ORDER_COLUMNS, ...options });
}

const idsOf = (rows: readonly Row[]): string => rows.map((row) => row.id).join(", ");

function rejectionOf(pending: Promise<unknown>): Promise<unknown> {
  return pending.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function onTimers(
  timers: VirtualTimers,
  pending: Promise<QueryResult>,
): Promise<{ at: number; result?: QueryResult; error?: unknown }> {
  let at = Number.NaN;
  const outcome = pending.then(
    (result) => ((at = timers.now()), { result }),
    (error: unknown) => ((at = timers.now()), { error }),
  );
  await timers.runUntilIdle();
  return { at, ...(await outcome) };
}

/** Shards a, b, c... each answering (or failing) after its own latency on `timers`. */
function timedShards(
  timers: VirtualTimers,
  plan: Record<string, { ms: number; fails?: boolean }>,
  rows: readonly Row[] = ORDERS.slice(0, 40),
): InMemoryShard[] {
  const sleep = (ms: number): Promise<void> => timers.sleep(ms);
  const ids = Object.keys(plan);
  return dealRows(rows, ids.length).map((part, i) => {
    const id = ids[i] as string;
    const { ms, fails } = plan[id] as { ms: number; fails?: boolean };
    return new InMemoryShard(id, part, {
      latencyMs: ms,
      sleep,
      ...(fails ? { failWith: new Error(`${id} is down`) } : {}),
    });
  });
}

describe("hidden: ordering", () => {
  test("numbers sort before strings, and strings by code units, not by locale", () => {
    const answers: Row[][] = [
      [
        { id: "n1", v: 2 },
        { id: "s1", v: "B" },
      ],
      [
        { id: "n2", v: 10 },
        { id: "s2", v: "a" },
        { id: "s3", v: "é" },
      ],
    ];
    const got = mergeSorted(answers, [{ column: "v" }]);
    ensure(
      idsOf(got) === "n1, n2, s1, s2, s3",
      `values 2, 10, "B", "a", "é" sorted as ${got.map((r) => JSON.stringify(r.v)).join(" ")}; numbers compare numerically and come before strings, strings by UTF-16 code units ("B" < "a" < "é")`,
    );
  });

  test("with an empty ORDER BY every row ties: shard id order, then position, and pushdown still applies", async () => {
    const shards = [
      new InMemoryShard("b", [{ id: "b1" }, { id: "b2" }]),
      new InMemoryShard("a", [{ id: "a1" }, { id: "a2" }, { id: "a3" }]),
    ];
    const { rows } = await engineOf(shards).query({ orderBy: [], offset: 2, limit: 2 });
    expect(idsOf(rows)).toBe("a3, b1");
    expect(shards.map((s) => s.requests[0]?.limit)).toEqual([4, 4]);
  });

  test("paging through a DESC, two-key order with heavy ties gives the single-node order, page after page", async () => {
    const timers = new VirtualTimers();
    let draw = 3;
    const latency = (): number => (draw = (draw * 17 + 5) % 89) % 13;
    const sleep = (ms: number): Promise<void> => timers.sleep(ms);
    const shards = dealRows(ORDERS.slice(0, 120), 6).map(
      (rows, i) => new InMemoryShard(`node-${5 - i}`, rows, { latencyMs: latency, sleep }),
    );
    const engine = engineOf(shards);
    const orderBy: SortKey[] = [
      { column: "region", direction: "desc" },
      { column: "total", direction: "desc" },
    ];
    const pages: Row[] = [];
    for (let offset = 0; offset < 120; offset += 11) {
      const { result } = await onTimers(timers, engine.query({ orderBy, offset, limit: 11 }));
      pages.push(...(result?.rows ?? []));
    }
    const expected = singleNodeQuery(shards, { orderBy });
    const at = pages.findIndex((r, i) => r !== expected[i]);
    ensure(
      at === -1 && pages.length === expected.length,
      `paging ORDER BY region DESC, total DESC LIMIT 11 over 6 shards: row ${at} was ${JSON.stringify(pages[at])}, the single-node order has ${JSON.stringify(expected[at])}. ` +
        "Ties are broken by shard id, then position, whatever the latency of each shard; DESC reverses the sort key, not the tie-break.",
    );
  });

  test("many answers, any window: the merge equals the single-node order (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(60),
        fc.option(fc.nat(30), { nil: undefined }),
        (shardCount, offset, limit) => {
          const orderBy: SortKey[] = [{ column: "total" }, { column: "customer", direction: "desc" }];
          const shards = dealRows(ORDERS, shardCount).map((rows, i) => ({
            id: `s${String(i).padStart(2, "0")}`,
            rows,
          }));
          const answers = shards.map((s) => singleNodeQuery([s], { orderBy }));
          const got = mergeSorted(answers, orderBy, { offset, limit });
          const expected = singleNodeQuery(shards, { orderBy, offset, limit });
          ensure(
            idsOf(got) === idsOf(expected),
            `${shardCount} answers, OFFSET ${offset} LIMIT ${limit}: got ${idsOf(got)}, expected ${idsOf(expected)}`,
          );
        },
      ),
      propertySettings(80),
    );
  });

  test("columns holding numbers and strings merge as the single-node order (property)", () => {
    const valueArb = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom("B", "a", "é", "10"));
    fc.assert(
      fc.property(
        fc.array(fc.array(valueArb, { maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom<"asc" | "desc">("asc", "desc"),
        (raw, direction) => {
          const orderBy: SortKey[] = [{ column: "v", direction }];
          const shards = raw.map((values, i) => ({
            id: `s${i}`,
            rows: values.map((v, j) => ({ id: `${i}.${j}`, v })),
          }));
          const answers = shards.map((s) => singleNodeQuery([s], { orderBy }));
          const got = mergeSorted(answers, orderBy);
          const expected = singleNodeQuery(shards, { orderBy });
          ensure(
            idsOf(got) === idsOf(expected),
            `ORDER BY v ${direction} over values ${JSON.stringify(raw)}: got ${got.map((r) => JSON.stringify(r.v)).join(" ")}, ` +
              `expected ${expected.map((r) => JSON.stringify(r.v)).join(" ")} (numbers before strings, whichever row is compared first)`,
          );
        },
      ),
      propertySettings(200),
    );
  });

  test("a shard that sends more rows than asked does not change the page", async () => {
    const greedy: Shard = {
      id: "greedy",
      query: async (request) =>
        singleNodeQuery([{ id: "greedy", rows: ORDERS.slice(0, 50) }], { orderBy: request.orderBy }),
    };
    const other = new InMemoryShard("other", ORDERS.slice(50, 100));
    const query: Query = { orderBy: [{ column: "placedAt" }], offset: 7, limit: 5 };
    const { rows } = await engineOf([greedy, other]).query(query);
    expect(rows).toEqual(
      singleNodeQuery(
        [
          { id: "greedy", rows: ORDERS.slice(0, 50) },
          { id: "other", rows: ORDERS.slice(50, 100) },
        ],
        query,
      ),
    );
  });

  test("LIMIT 0 returns no rows and asks each shard for offset + 0", async () => {
    const shards = dealRows(ORDERS.slice(0, 20), 2).map((rows, i) => new InMemoryShard(`s${i}`, rows));
    const result = await engineOf(shards).query({ orderBy: [{ column: "id" }], offset: 3, limit: 0 });
    expect(result).toEqual({ rows: [], partial: false, missing: [] });
    expect(shards.map((s) => s.requests[0]?.limit)).toEqual([3, 3]);
  });
});

describe("hidden: failing and slow shards", () => {
  test("a shard whose query throws instead of rejecting counts as failed", async () => {
    const broken: Shard = {
      id: "broken",
      query: () => {
        throw new Error("pool exhausted");
      },
    };
    const good = new InMemoryShard("good", ORDERS.slice(0, 5));
    const error = await rejectionOf(engineOf([broken, good]).query({ orderBy: [{ column: "id" }] }));
    ensure(
      error instanceof QueryError && error.code === "SHARD_FAILED" && error.shard === "broken",
      `a shard whose query() throws synchronously must fail the query like one that rejects (SHARD_FAILED, shard "broken"); got ${String(error)}`,
    );
    expect(error.message).toMatch(/pool exhausted/);
    const partial = await engineOf([broken, good], { onShardFailure: "partial" }).query({
      orderBy: [{ column: "id" }],
    });
    expect(partial.missing).toEqual([{ shard: "broken", reason: "error" }]);
    expect(partial.rows).toEqual(singleNodeQuery([good], { orderBy: [{ column: "id" }] }));
  });

  test("a shard that answers something other than an array of rows counts as failed", async () => {
    const odd: Shard = { id: "odd", query: async () => "no rows" as unknown as Row[] };
    expect(await codeOfAsync(QueryError, () => engineOf([odd]).query({ orderBy: [] }))).toBe("SHARD_FAILED");
    const failed = String(await rejectionOf(engineOf([odd]).query({ orderBy: [] })));
    ensure(
      /answered string/.test(failed) && /odd/.test(failed),
      `a shard answering the string "no rows" failed the query with ${JSON.stringify(failed)}: say which shard, and what it answered (a string, not an array of rows)`,
    );
  });

  test('"fail" rejects as soon as one shard fails, naming the first to fail', async () => {
    const timers = new VirtualTimers();
    const shards = timedShards(timers, { a: { ms: 10, fails: true }, b: { ms: 5, fails: true }, c: { ms: 50 } });
    const { at, error } = await onTimers(timers, engineOf(shards).query({ orderBy: [{ column: "id" }] }));
    ensure(
      at === 5 && error instanceof QueryError && error.shard === "b",
      `b fails at 5 ms, a at 10, c answers at 50: under "fail" the query must reject at 5 ms naming b; it settled at ${at} ms with ${String(error)}`,
    );
  });

  test('"partial": missing shards are listed by id, each with why, whatever order they failed in', async () => {
    const timers = new VirtualTimers();
    const shards = timedShards(timers, {
      zeta: { ms: 5, fails: true },
      beta: { ms: 400 },
      alpha: { ms: 30, fails: true },
      gamma: { ms: 20 },
    });
    const engine = engineOf(shards, {
      onShardFailure: "partial",
      shardTimeoutMs: 100,
      sleep: (ms) => timers.sleep(ms),
    });
    const { at, result } = await onTimers(timers, engine.query({ orderBy: [{ column: "total" }, { column: "id" }] }));
    expect(at).toBe(100);
    expect(result?.missing).toEqual([
      { shard: "alpha", reason: "error" },
      { shard: "beta", reason: "timeout" },
      { shard: "zeta", reason: "error" },
    ]);
    expect(result?.rows).toEqual(
      singleNodeQuery([shards[3] as InMemoryShard], { orderBy: [{ column: "total" }, { column: "id" }] }),
    );
  });

  test('"partial" with every shard down: no rows, and every shard listed', async () => {
    const shards = ["b", "a"].map((id) => new InMemoryShard(id, ORDERS.slice(0, 4), { failWith: new Error("down") }));
    const result = await engineOf(shards, { onShardFailure: "partial" }).query({ orderBy: [] });
    expect(result).toEqual({
      rows: [],
      partial: true,
      missing: [
        { shard: "a", reason: "error" },
        { shard: "b", reason: "error" },
      ],
    });
  });

  test("with a timeout and every shard on time, the query settles with the last answer, not at the timeout", async () => {
    const timers = new VirtualTimers();
    const shards = timedShards(timers, { a: { ms: 12 }, b: { ms: 30 }, c: { ms: 7 } });
    const engine = engineOf(shards, { shardTimeoutMs: 1_000, sleep: (ms) => timers.sleep(ms) });
    const { at, result } = await onTimers(timers, engine.query({ orderBy: [{ column: "id" }], limit: 6 }));
    ensure(
      at === 30,
      `the last shard answered at 30 ms but the query settled at ${at} ms: answer as soon as every shard has`,
    );
    expect(result?.partial).toBe(false);
  });

  test('a late answer under "fail" does not undo the failure, and a late answer under "partial" leaves the result alone', async () => {
    const timers = new VirtualTimers();
    const shards = timedShards(timers, { a: { ms: 10 }, slow: { ms: 300 } });
    const engine = engineOf(shards, { onShardFailure: "partial", shardTimeoutMs: 50, sleep: (ms) => timers.sleep(ms) });
    const pending = engine.query({ orderBy: [{ column: "id" }] });
    await timers.runUntilIdle(60);
    const result = await pending;
    const rowsAtTimeout = [...result.rows];
    await timers.runUntilIdle();
    ensure(
      idsOf(result.rows) === idsOf(rowsAtTimeout) && result.missing.length === 1,
      `after shard "slow" answered at 300 ms, after its 50 ms timeout, the result returned at 50 ms changed: a late answer is stale, never merged`,
    );
  });
});

describe("hidden: real timers (faked by jest, never slept)", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test("with no sleep given the timeout runs on setTimeout, and fires at shardTimeoutMs", async () => {
    jest.useFakeTimers();
    const never: Shard = { id: "never", query: () => deferred<readonly Row[]>().promise };
    let outcome: unknown = "pending";
    void rejectionOf(engineOf([never], { shardTimeoutMs: 50 }).query({ orderBy: [] })).then((e) => (outcome = e));
    await jest.advanceTimersByTimeAsync(49);
    expect(outcome).toBe("pending");
    await jest.advanceTimersByTimeAsync(1);
    ensure(
      outcome instanceof QueryError && outcome.code === "SHARD_TIMEOUT" && outcome.shard === "never",
      `a shard that never answers, with shardTimeoutMs 50 and real timers, must fail the query with SHARD_TIMEOUT at 50 ms; got ${String(outcome)}`,
    );
  });

  test("a query that has settled leaves no timer behind", async () => {
    jest.useFakeTimers();
    const shards = dealRows(ORDERS.slice(0, 10), 3).map((rows, i) => new InMemoryShard(`s${i}`, rows));
    await engineOf(shards, { shardTimeoutMs: 60_000 }).query({ orderBy: [{ column: "id" }] });
    ensure(
      jest.getTimerCount() === 0,
      `after a query settled, ${jest.getTimerCount()} timers were still pending: clear each shard's timeout when the query settles (a server running many queries would hold thousands of dead timers)`,
    );
    const down = new InMemoryShard("down", [], { failWith: new Error("x") });
    const never: Shard = { id: "never", query: () => deferred<readonly Row[]>().promise };
    await rejectionOf(engineOf([down, never], { shardTimeoutMs: 60_000 }).query({ orderBy: [] }));
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("hidden: bad input", () => {
  const one = (): InMemoryShard[] => [new InMemoryShard("a", [])];
  const queryMessage = async (query: unknown): Promise<string> =>
    String(await rejectionOf(engineOf(one()).query(query as Query)));

  test("a bad query rejects the promise, never throws from query() itself", () => {
    const engine = engineOf(one());
    let pending: Promise<unknown> | undefined;
    expect(() => (pending = engine.query({ orderBy: 5 } as unknown as Query))).not.toThrow();
    return expect(pending).rejects.toBeInstanceOf(QueryError);
  });

  test("messages name the value that was wrong", async () => {
    expect(await queryMessage({ orderBy: [], limit: -1 })).toMatch(/-1/);
    expect(await queryMessage({ orderBy: [], limit: -1 })).toMatch(/non-negative integer/);
    expect(await queryMessage({ orderBy: [], offset: 2.5 })).toMatch(/2\.5/);
    expect(await queryMessage({ orderBy: [], offset: 2.5 })).toMatch(/offset/);
    expect(await queryMessage({ orderBy: [], limit: "7" })).toMatch(/"7"/);
    expect(await queryMessage({ orderBy: [], limit: Symbol("seven") })).toMatch(/Symbol\(seven\)/);
    expect(await queryMessage({ orderBy: [{ column: "total", direction: "up" }] })).toMatch(/"up"/);
    expect(await queryMessage({ orderBy: [{ column: "total", direction: "up" }] })).toMatch(/total/);
    expect(await queryMessage({ orderBy: "total" })).toMatch(/"total"/);
    expect(await queryMessage({ orderBy: [null] })).toMatch(/orderBy\[0\]/);
    expect(await queryMessage({ orderBy: [{ column: "id" }, { column: 7 }] })).toMatch(/orderBy\[1\]/);
  });

  test("odd values are refused with their code, not a crash", async () => {
    const code = (query: unknown): Promise<string> =>
      codeOfAsync(QueryError, () => engineOf(one()).query(query as Query));
    expect(await code({ orderBy: [], limit: 10n })).toBe("INVALID_LIMIT");
    expect(await code({ orderBy: [], offset: null })).toBe("INVALID_OFFSET");
    expect(await code(undefined)).toBe("INVALID_ORDER_BY");
    expect(await code({ orderBy: [null] })).toBe("INVALID_ORDER_BY");
    expect(await code({ orderBy: [{ column: 7 }] })).toBe("INVALID_ORDER_BY");
    expect(await code({ orderBy: [{ column: "" }] })).toBe("UNKNOWN_COLUMN");
    expect(await code({ orderBy: [{ column: "total", direction: null }] })).toBe("INVALID_DIRECTION");
  });

  test("constructor messages name what was wrong", () => {
    const message = (options: unknown): string =>
      messageOf(QueryError, () => new ScatterGatherEngine(options as ScatterGatherOptions));
    expect(message({ shards: [], columns: [] })).toMatch(/at least one shard/);
    expect(message(undefined)).toMatch(/at least one shard/);
    expect(
      message({
        shards: [new InMemoryShard("a", []), new InMemoryShard("db-7", []), new InMemoryShard("db-7", [])],
        columns: [],
      }),
    ).toMatch(/"db-7"/);
    expect(message({ shards: [new InMemoryShard("a", []), null], columns: [] })).toMatch(/shards\[1\]/);
    expect(message({ shards: [{ id: 42, query: () => Promise.resolve([]) }], columns: [] })).toMatch(/42/);
    expect(message({ shards: one(), columns: [], onShardFailure: "ignore" })).toMatch(/"ignore"/);
    expect(message({ shards: one(), columns: [], shardTimeoutMs: -5 })).toMatch(/-5/);
    expect(message({ shards: one(), columns: ["a", 3] })).toMatch(/columns/);
    expect(codeOf(QueryError, () => new ScatterGatherEngine({ shards: one(), columns: [], sleep: 5 as never }))).toBe(
      "INVALID_TIMEOUT",
    );
    expect(codeOf(QueryError, () => new ScatterGatherEngine({ shards: "a" as never, columns: [] }))).toBe("NO_SHARDS");
  });

  test("shard failure messages name the shard, and the timeout or the cause", async () => {
    const timers = new VirtualTimers();
    const shards = timedShards(timers, { "db-9": { ms: 500 } });
    const engine = engineOf(shards, { shardTimeoutMs: 75, sleep: (ms) => timers.sleep(ms) });
    const { error } = await onTimers(timers, engine.query({ orderBy: [] }));
    expect(String(error)).toMatch(/db-9/);
    expect(String(error)).toMatch(/75 ms/);
    const down = new InMemoryShard("db-3", [], { failWith: new Error("replica lag too high") });
    const failed = String(await rejectionOf(engineOf([down]).query({ orderBy: [] })));
    expect(failed).toMatch(/db-3/);
    expect(failed).toMatch(/replica lag too high/);
  });

  test("every message says what was given and what is allowed", async () => {
    expect(await queryMessage(undefined)).toMatch(/got undefined/);
    expect(await queryMessage({ orderBy: [null] })).toMatch(/got null/);
    expect(await queryMessage({ orderBy: [], limit: Number.NaN })).toMatch(/\bNaN\b/);
    expect(await queryMessage({ orderBy: [], limit: -1 })).toMatch(/\blimit\b.*no limit/);
    expect(await queryMessage({ orderBy: [], offset: -1 })).toMatch(/\boffset\b.*offset 0/);
    expect(await queryMessage({ orderBy: [{ column: "total", direction: "up" }] })).toMatch(/"asc" or "desc"/);
    expect(await queryMessage({ orderBy: [{ column: "price" }] })).toMatch(/\btotal\b/);
    const message = (options: unknown): string =>
      messageOf(QueryError, () => new ScatterGatherEngine(options as ScatterGatherOptions));
    expect(message({ shards: [], columns: [] })).toMatch(/was empty/);
    expect(message({ shards: "db-1", columns: [] })).toMatch(/"db-1"/);
    expect(message({ shards: [{ id: "", query: () => Promise.resolve([]) }], columns: [] })).toMatch(
      /query a function/,
    );
    expect(message({ shards: [{ id: "a", query: 5 }], columns: [] })).toMatch(/query 5/);
    expect(message({ shards: one(), columns: ["a", 3] })).toMatch(/\["a",3\]/);
    expect(message({ shards: one(), columns: [], onShardFailure: "ignore" })).toMatch(/"fail" or "partial"/);
    expect(message({ shards: one(), columns: [], shardTimeoutMs: -5 })).toMatch(/positive/);
    expect(message({ shards: one(), columns: [], sleep: 5 })).toMatch(/sleep.*5/);
  });

  test("a shard that rejects with something other than an Error is named with it", async () => {
    const odd: Shard = { id: "odd", query: () => Promise.reject(new String("quota exceeded") as unknown as Error) };
    const failed = String(await rejectionOf(engineOf([odd]).query({ orderBy: [] })));
    expect(failed).toMatch(/quota exceeded/);
    expect(failed).toMatch(/"partial"/);
  });

  test("the timeout message suggests the partial policy or a longer timeout", async () => {
    const timers = new VirtualTimers();
    const engine = engineOf(timedShards(timers, { late: { ms: 90 } }), {
      shardTimeoutMs: 30,
      sleep: (ms) => timers.sleep(ms),
    });
    const { error } = await onTimers(timers, engine.query({ orderBy: [] }));
    expect(String(error)).toMatch(/"partial"/);
    expect(String(error)).toMatch(/longer shardTimeoutMs/);
  });

  test("the columns message lists the columns there are, or says there are none", async () => {
    const none = new ScatterGatherEngine({ shards: one(), columns: [] });
    expect(String(await rejectionOf(none.query({ orderBy: [{ column: "total" }] })))).toMatch(/none/);
  });
});
