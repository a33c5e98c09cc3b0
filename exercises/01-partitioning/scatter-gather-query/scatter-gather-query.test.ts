import fc from "fast-check";
import { codeOfAsync, codeOf, deferred, ensure, flushPromises, propertySettings, type Deferred } from "#kata/testing";
import { VirtualTimers } from "#kata/sim";
import { QueryError } from "./src/errors";
import { mergeSorted } from "./src/merge";
import type { Query, QueryResult, Row, ScatterGatherOptions, Shard, SortKey } from "./src/query";
import { ScatterGatherEngine } from "./src/scatter-gather";
import { InMemoryShard, ORDER_COLUMNS, dealRows, seededOrders, singleNodeQuery, sortRows } from "./in-memory-shard";

const ORDERS = seededOrders(240);

/** An engine over in-memory shards, with the orders table's columns unless options say otherwise. */
function engineOf(shards: readonly Shard[], options: Partial<ScatterGatherOptions> = {}): ScatterGatherEngine {
  return new ScatterGatherEngine({ shards, columns: ORDER_COLUMNS, ...options });
}

/** Shards "s0", "s1", ... holding the rows dealt round robin. */
function dealtShards(rows: readonly Row[], count: number): InMemoryShard[] {
  return dealRows(rows, count).map((part, i) => new InMemoryShard(`s${i}`, part));
}

const idsOf = (rows: readonly Row[]): string => rows.map((row) => row.id).join(", ");
const totalsOf = (rows: readonly Row[]): string => rows.map((row) => row.total).join(", ");
const row = (id: string, total: number, region = "eu"): Row => ({ id, total, region });

/** What `pending` rejects with; undefined if it resolves. */
function rejectionOf(pending: Promise<unknown>): Promise<unknown> {
  return pending.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Runs a query on virtual timers to the end; says when (in virtual ms) it settled, and how. */
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

describe("mergeSorted: the gather half", () => {
  test("answers each sorted on their own merge into one global order", () => {
    const answers = [
      [row("a1", 1), row("a2", 4), row("a3", 7)],
      [row("b1", 2), row("b2", 5), row("b3", 8)],
      [row("c1", 3), row("c2", 6), row("c3", 9)],
    ];
    const got = mergeSorted(answers, [{ column: "total" }]);
    ensure(
      idsOf(got) === "a1, b1, c1, a2, b2, c2, a3, b3, c3",
      `three answers sorted by total (1 4 7 | 2 5 8 | 3 6 9) merged into totals ${totalsOf(got)}, expected 1 to 9 in order. ` +
        "Each answer is sorted, but their rows interleave: concatenating the answers is not a merge. Take the smallest next row of all answers, each time (a heap of one cursor per answer).",
    );
  });

  test("several sort keys, each ascending or descending", () => {
    const answers = dealRows(ORDERS.slice(0, 60), 3);
    const orderBy: SortKey[] = [{ column: "region" }, { column: "total", direction: "desc" }, { column: "id" }];
    const sorted = answers.map((answer) => sortRows(answer, orderBy));
    const expected = sortRows(sorted.flat(), orderBy);
    const got = mergeSorted(sorted, orderBy);
    const at = got.findIndex((r, i) => r !== expected[i]);
    ensure(
      at === -1 && got.length === expected.length,
      `ORDER BY region, total DESC, id: row ${at} is ${JSON.stringify(got[at])}, expected ${JSON.stringify(expected[at])}. ` +
        "Compare by the first key; only when two rows tie on it, by the next, and so on; a DESC key reverses that key's comparison alone.",
    );
  });

  test("rows that tie on every key come by answer (shard id order), then by their position in the answer", () => {
    const answers = [
      [row("a1", 5), row("a2", 5), row("a3", 9)],
      [row("b1", 1), row("b2", 5)],
      [row("c1", 5), row("c2", 5)],
    ];
    const got = mergeSorted(answers, [{ column: "total" }]);
    ensure(
      idsOf(got) === "b1, a1, a2, b2, c1, c2, a3",
      `six rows with total 5 came out as ${idsOf(got)}; expected b1, a1, a2, b2, c1, c2, a3. ` +
        "Ties are broken by shard id (the answer's place in the list: a before b before c), then by the row's position in its answer. " +
        "A heap that compares rows alone leaves tied rows in whatever order it happens to hold them.",
    );
  });

  test("DESC reverses the sort key, not the tie-break", () => {
    const answers = [
      [row("a1", 9), row("a2", 5), row("a3", 5)],
      [row("b1", 9), row("b2", 5)],
    ];
    const got = mergeSorted(answers, [{ column: "total", direction: "desc" }]);
    ensure(
      idsOf(got) === "a1, b1, a2, a3, b2",
      `ORDER BY total DESC over a: 9 5 5 and b: 9 5 gave ${idsOf(got)}; expected a1, b1, a2, a3, b2. ` +
        "Tied rows come in the same order as with ASC (shard id, then position): DESC reverses the sort key, not the tie-break. " +
        "Merging ascending and reversing the result reverses the ties too.",
    );
  });

  test("OFFSET and LIMIT select rows of the global order, not of each answer", () => {
    // Shard a holds the smallest totals, shard b the largest: the page straddles the two.
    const answers = [[0, 1, 2, 3, 4, 5].map((t) => row(`a${t}`, t)), [6, 7, 8, 9, 10, 11].map((t) => row(`b${t}`, t))];
    const got = mergeSorted(answers, [{ column: "total" }], { offset: 4, limit: 4 });
    ensure(
      totalsOf(got) === "4, 5, 6, 7",
      `OFFSET 4 LIMIT 4 over a: 0-5 and b: 6-11 gave totals ${totalsOf(got)}; expected rows 4 to 7 of the global order, totals 4, 5, 6, 7. ` +
        "OFFSET skips rows of the global order: an OFFSET applied per shard skips 4 rows of every shard, rows that belong on the page.",
    );
    expect(totalsOf(mergeSorted(answers, [{ column: "total" }], { offset: 10 }))).toBe("10, 11");
    expect(mergeSorted(answers, [{ column: "total" }], { offset: 12 })).toEqual([]);
    expect(mergeSorted(answers, [{ column: "total" }], { offset: 3, limit: 0 })).toEqual([]);
    expect(totalsOf(mergeSorted(answers, [{ column: "total" }], { limit: 3 }))).toBe("0, 1, 2");
  });

  test("empty answers, and no answers at all, merge to what is left", () => {
    expect(mergeSorted([], [{ column: "total" }])).toEqual([]);
    expect(idsOf(mergeSorted([[], [row("b1", 2)], []], [{ column: "total" }]))).toBe("b1");
  });

  test("the answers are left as they were", () => {
    const answers = [
      [row("a1", 1), row("a2", 3)],
      [row("b1", 2), row("b2", 4)],
    ];
    const copy = answers.map((answer) => [...answer]);
    mergeSorted(answers, [{ column: "total" }], { offset: 1, limit: 2 });
    expect(answers).toEqual(copy);
  });

  test("equals a stable sort of all the answers, for any sorted answers, keys and window (property)", () => {
    const rowArb = fc.record({ region: fc.constantFrom("eu", "us"), total: fc.integer({ min: 0, max: 4 }) });
    const keyArb = fc.record({
      column: fc.constantFrom("region", "total"),
      direction: fc.constantFrom<"asc" | "desc">("asc", "desc"),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(rowArb, { maxLength: 8 }), { maxLength: 5 }),
        fc.array(keyArb, { maxLength: 2 }),
        fc.option(fc.nat(12), { nil: undefined }),
        fc.option(fc.nat(12), { nil: undefined }),
        (raw, orderBy, offset, limit) => {
          const answers = raw.map((answer, i) =>
            sortRows(
              answer.map((r, j) => ({ ...r, id: `${i}.${j}` })),
              orderBy,
            ),
          );
          const all = sortRows(answers.flat(), orderBy);
          const start = offset ?? 0;
          const expected = all.slice(start, limit === undefined ? undefined : start + limit);
          const got = mergeSorted(answers, orderBy, { offset, limit });
          ensure(
            idsOf(got) === idsOf(expected),
            `ORDER BY ${orderBy.map((k) => `${k.column} ${k.direction}`).join(", ") || "(nothing)"} OFFSET ${offset} LIMIT ${limit} ` +
              `over ${answers.length} answers (ids are answer.position) gave ${idsOf(got)}; a stable sort of them all gives ${idsOf(expected)}`,
          );
        },
      ),
      propertySettings(300),
    );
  });
});

describe("ScatterGatherEngine: scatter", () => {
  test("asks every shard at once, before any of them has answered", async () => {
    const asked: string[] = [];
    const answers: Deferred<readonly Row[]>[] = [];
    const shards: Shard[] = ["a", "b", "c", "d"].map((id) => ({
      id,
      query: () => {
        asked.push(id);
        const answer = deferred<readonly Row[]>();
        answers.push(answer);
        return answer.promise;
      },
    }));
    const pending = engineOf(shards).query({ orderBy: [{ column: "total" }] });
    await flushPromises();
    ensure(
      asked.length === 4,
      `only ${asked.join(", ") || "no shard"} of 4 shards had been asked before the first answered. Ask every shard at once and await them together: ` +
        "a loop that awaits each shard in turn makes every query as slow as all its shards added up.",
    );
    for (const answer of answers) answer.resolve([]);
    expect((await pending).rows).toEqual([]);
  });

  test("pushes ORDER BY and offset + limit down: no shard is asked for, or sends, more", async () => {
    const shards = dealtShards(ORDERS, 4);
    const orderBy: SortKey[] = [{ column: "total", direction: "desc" }, { column: "id" }];
    await engineOf(shards).query({ orderBy, offset: 5, limit: 3 });
    for (const shard of shards) {
      const [request] = shard.requests;
      ensure(
        shard.requests.length === 1,
        `shard ${shard.id} was asked ${shard.requests.length} times for one query; ask each shard once`,
      );
      ensure(
        request?.limit === 8,
        `with OFFSET 5 LIMIT 3 shard ${shard.id} was asked for ${String(request?.limit)} rows: each shard must be asked for offset + limit = 8 rows. ` +
          "Any of the global first 8 rows may sit on one shard, so asking for LIMIT alone loses rows, and asking for everything ships rows nobody reads.",
      );
      expect(request.orderBy).toEqual([
        { column: "total", direction: "desc" },
        { column: "id", direction: "asc" },
      ]);
      ensure(
        shard.rowsSent <= 8,
        `shard ${shard.id} sent ${shard.rowsSent} rows for OFFSET 5 LIMIT 3; at most offset + limit = 8`,
      );
    }
  });

  test("with no LIMIT every shard is asked for every row", async () => {
    const shards = dealtShards(ORDERS.slice(0, 20), 2);
    const result = await engineOf(shards).query({ orderBy: [{ column: "placedAt" }], offset: 15 });
    for (const shard of shards) expect(shard.requests[0]?.limit).toBeUndefined();
    expect(result.rows).toEqual(singleNodeQuery(shards, { orderBy: [{ column: "placedAt" }], offset: 15 }));
  });

  test("answers exactly what one database holding every row would (property)", async () => {
    const keyArb = fc.record({
      column: fc.constantFrom(...ORDER_COLUMNS),
      direction: fc.constantFrom<"asc" | "desc">("asc", "desc"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 7 }),
        fc.array(keyArb, { maxLength: 3 }),
        fc.option(fc.nat(80), { nil: undefined }),
        fc.option(fc.nat(40), { nil: undefined }),
        async (shardCount, orderBy, offset, limit) => {
          const shards = dealtShards(ORDERS.slice(0, 120), shardCount);
          const query: Query = { orderBy, offset, limit };
          const { rows, partial } = await engineOf(shards).query(query);
          const expected = singleNodeQuery(shards, query);
          const at = rows.findIndex((r, i) => r !== expected[i]);
          ensure(
            !partial && at === -1 && rows.length === expected.length,
            `ORDER BY ${orderBy.map((k) => `${k.column} ${k.direction}`).join(", ") || "(nothing)"} OFFSET ${offset} LIMIT ${limit} over ${shardCount} shards: ` +
              (at === -1
                ? `${rows.length} rows, expected ${expected.length}`
                : `row ${at} is ${JSON.stringify(rows[at])}, one database holding every row gives ${JSON.stringify(expected[at])}`),
          );
        },
      ),
      propertySettings(60),
    );
  });

  test("ties go by shard id, not by the order shards are listed in or answer in", async () => {
    const timers = new VirtualTimers();
    const sleep = (ms: number): Promise<void> => timers.sleep(ms);
    // Listed c, a, b; c answers first, then b, then a. Every row has total 5.
    const shards = [
      new InMemoryShard("c", [row("c1", 5), row("c2", 5)], { latencyMs: 1, sleep }),
      new InMemoryShard("a", [row("a1", 5), row("a2", 5)], { latencyMs: 3, sleep }),
      new InMemoryShard("b", [row("b1", 5)], { latencyMs: 2, sleep }),
    ];
    const { result } = await onTimers(timers, engineOf(shards).query({ orderBy: [{ column: "total" }] }));
    ensure(
      idsOf(result?.rows ?? []) === "a1, a2, b1, c1, c2",
      `five rows with total 5 on shards listed c, a, b (answering c, b, a) came out as ${idsOf(result?.rows ?? [])}; expected a1, a2, b1, c1, c2. ` +
        "Ties are broken by shard id, then by position in the shard's answer, whatever order the shards are listed or answer in: " +
        "otherwise the same query gives other rows on page 2 when a shard is slower, and pages repeat or skip rows.",
    );
  });

  test("paging through tied rows gives every row once, whatever each shard's latency", async () => {
    const timers = new VirtualTimers();
    const sleep = (ms: number): Promise<void> => timers.sleep(ms);
    let draw = 7;
    const latencyMs = (): number => (draw = (draw * 31 + 11) % 97) % 20;
    const shards = dealRows(ORDERS.slice(0, 90), 5).map(
      (rows, i) => new InMemoryShard(`s${i}`, rows, { latencyMs, sleep }),
    );
    const engine = engineOf(shards);
    const seen: Row[] = [];
    for (let offset = 0; offset < 90; offset += 10) {
      const { result } = await onTimers(timers, engine.query({ orderBy: [{ column: "region" }], offset, limit: 10 }));
      seen.push(...(result?.rows ?? []));
    }
    const repeated = seen.filter((r, i) => seen.indexOf(r) !== i);
    const expected = singleNodeQuery(shards, { orderBy: [{ column: "region" }] });
    ensure(
      repeated.length === 0 && idsOf(seen) === idsOf(expected),
      `9 pages of ORDER BY region LIMIT 10 (4 regions over 90 rows: ties everywhere), with shards answering in a different order each time, ` +
        `showed ${repeated.length} rows twice (${idsOf(repeated.slice(0, 5))}) and not always in one order. ` +
        "Ties must be broken by shard id, then position, never by who answered first, or pages overlap and skip rows.",
    );
  });
});

describe("a failing or slow shard", () => {
  const slowShards = (timers: VirtualTimers, slowMs: number): InMemoryShard[] => {
    const sleep = (ms: number): Promise<void> => timers.sleep(ms);
    const [a, b, c] = dealRows(ORDERS.slice(0, 30), 3) as [Row[], Row[], Row[]];
    return [
      new InMemoryShard("a", a, { latencyMs: 10, sleep }),
      new InMemoryShard("slow", b, { latencyMs: slowMs, sleep }),
      new InMemoryShard("c", c, { latencyMs: 20, sleep }),
    ];
  };

  test('"fail": a shard that rejects fails the query with SHARD_FAILED naming it', async () => {
    const [a, b] = dealRows(ORDERS.slice(0, 10), 2) as [Row[], Row[]];
    const down = new Error("connection refused");
    const shards = [new InMemoryShard("a", a), new InMemoryShard("b", b, { failWith: down })];
    const error = await rejectionOf(engineOf(shards).query({ orderBy: [{ column: "id" }] }));
    ensure(
      error instanceof QueryError && error.code === "SHARD_FAILED" && error.shard === "b",
      `with onShardFailure "fail" (the default), a shard that rejects must fail the query with a QueryError SHARD_FAILED whose shard is "b"; got ${String(error)}`,
    );
    expect(error.cause).toBe(down);
    expect(error.message).toMatch(/\bb\b/);
  });

  test('"fail": a shard that has not answered by its timeout fails the query then, with SHARD_TIMEOUT', async () => {
    const timers = new VirtualTimers();
    const engine = engineOf(slowShards(timers, 500), { shardTimeoutMs: 100, sleep: (ms) => timers.sleep(ms) });
    const { at, error } = await onTimers(timers, engine.query({ orderBy: [{ column: "id" }] }));
    ensure(
      error instanceof QueryError && error.code === "SHARD_TIMEOUT" && error.shard === "slow",
      `shard "slow" answers after 500 ms and the timeout is 100 ms: the query must reject with a QueryError SHARD_TIMEOUT whose shard is "slow"; got ${String(error)}`,
    );
    ensure(
      at === 100,
      `the query failed at ${at} virtual ms; a 100 ms timeout fails it at 100, without waiting for the slow shard to answer at 500`,
    );
  });

  test('"partial": the other shards\' rows, flagged with which shards are missing', async () => {
    const [a, b, c] = dealRows(ORDERS.slice(0, 30), 3) as [Row[], Row[], Row[]];
    const shards = [
      new InMemoryShard("a", a),
      new InMemoryShard("b", b, { failWith: new Error("disk full") }),
      new InMemoryShard("c", c),
    ];
    const query: Query = { orderBy: [{ column: "total" }, { column: "id" }], limit: 12 };
    const result = await engineOf(shards, { onShardFailure: "partial" }).query(query);
    ensure(
      result.partial && result.missing.length === 1 && result.missing[0]?.shard === "b",
      `shard b failed under onShardFailure "partial", but the result said partial: ${result.partial}, missing: ${JSON.stringify(result.missing)}. ` +
        "A partial result must say so, and which shards are missing: a caller that cannot tell will show a page with rows silently gone.",
    );
    expect(result.missing).toEqual([{ shard: "b", reason: "error" }]);
    expect(result.rows).toEqual(singleNodeQuery([shards[0] as InMemoryShard, shards[2] as InMemoryShard], query));
  });

  test('"partial": a slow shard is dropped at its timeout, and its late answer is never merged', async () => {
    const timers = new VirtualTimers();
    const shards = slowShards(timers, 150);
    const engine = engineOf(shards, {
      onShardFailure: "partial",
      shardTimeoutMs: 100,
      sleep: (ms) => timers.sleep(ms),
    });
    const { at, result } = await onTimers(timers, engine.query({ orderBy: [{ column: "id" }] }));
    const late = (result?.rows ?? []).filter((r) => shards[1]?.rows.includes(r));
    ensure(
      late.length === 0 && at === 100,
      `shard "slow" answered at 150 ms, after its 100 ms timeout; the query settled at ${at} ms with ${late.length} of its rows. ` +
        "At the timeout the shard is missing: settle then, and drop its answer when it comes: a late answer is stale and is never merged.",
    );
    ensure(
      result?.partial === true && result.missing.length === 1 && result.missing[0]?.shard === "slow",
      `shard "slow" timed out, but the result said partial: ${result?.partial}, missing: ${JSON.stringify(result?.missing)}; ` +
        "a partial result must say which shards are missing, and why",
    );
    expect(result.missing).toEqual([{ shard: "slow", reason: "timeout" }]);
    expect(result.rows).toEqual(
      singleNodeQuery([shards[0] as InMemoryShard, shards[2] as InMemoryShard], { orderBy: [{ column: "id" }] }),
    );
  });

  test("a shard that answers just inside its timeout is merged", async () => {
    const timers = new VirtualTimers();
    const shards = slowShards(timers, 99);
    const engine = engineOf(shards, {
      onShardFailure: "partial",
      shardTimeoutMs: 100,
      sleep: (ms) => timers.sleep(ms),
    });
    const { at, result } = await onTimers(timers, engine.query({ orderBy: [{ column: "id" }], limit: 10 }));
    expect(at).toBe(99);
    expect(result).toEqual({
      rows: singleNodeQuery(shards, { orderBy: [{ column: "id" }], limit: 10 }),
      partial: false,
      missing: [],
    });
  });
});

describe("bad input is refused with a QueryError", () => {
  const engine = (): ScatterGatherEngine => engineOf(dealtShards(ORDERS.slice(0, 10), 2));
  const queryCode = (query: unknown): Promise<string> => codeOfAsync(QueryError, () => engine().query(query as Query));

  test.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "10"])("LIMIT %p: INVALID_LIMIT", async (limit) => {
    expect(await queryCode({ orderBy: [], limit })).toBe("INVALID_LIMIT");
  });

  test.each([-3, 0.5, Number.NaN, "2"])("OFFSET %p: INVALID_OFFSET", async (offset) => {
    expect(await queryCode({ orderBy: [], offset })).toBe("INVALID_OFFSET");
  });

  test("a sort column the table does not have: UNKNOWN_COLUMN, naming it and the columns there are", async () => {
    expect(await queryCode({ orderBy: [{ column: "price" }] })).toBe("UNKNOWN_COLUMN");
    const error = await rejectionOf(engine().query({ orderBy: [{ column: "price" }] }));
    expect(String(error)).toMatch(/price/);
    expect(String(error)).toMatch(/total/);
  });

  test("a direction other than asc or desc: INVALID_DIRECTION", async () => {
    expect(await queryCode({ orderBy: [{ column: "total", direction: "DESC" }] })).toBe("INVALID_DIRECTION");
    expect(await queryCode({ orderBy: [{ column: "total", direction: "up" }] })).toBe("INVALID_DIRECTION");
  });

  test("orderBy that is not an array of sort keys: INVALID_ORDER_BY", async () => {
    expect(await queryCode({ orderBy: "total" })).toBe("INVALID_ORDER_BY");
    expect(await queryCode({ orderBy: ["total"] })).toBe("INVALID_ORDER_BY");
    expect(await queryCode({})).toBe("INVALID_ORDER_BY");
  });

  test("a bad query is refused before any shard is asked", async () => {
    const fresh = dealtShards(ORDERS.slice(0, 10), 2);
    await engineOf(fresh)
      .query({ orderBy: [{ column: "total" }], limit: -1 })
      .catch(() => undefined);
    expect(fresh.map((shard) => shard.requests.length)).toEqual([0, 0]);
  });

  test("mergeSorted refuses the same bad sort keys and windows", () => {
    expect(codeOf(QueryError, () => mergeSorted([], [{ column: "total" }], { limit: -1 }))).toBe("INVALID_LIMIT");
    expect(codeOf(QueryError, () => mergeSorted([], [{ column: "total" }], { offset: 1.5 }))).toBe("INVALID_OFFSET");
    expect(codeOf(QueryError, () => mergeSorted([], [{ column: "total", direction: "up" as "asc" }]))).toBe(
      "INVALID_DIRECTION",
    );
  });

  test("zero shards: NO_SHARDS", () => {
    expect(codeOf(QueryError, () => engineOf([]))).toBe("NO_SHARDS");
  });

  test("two shards with one id: DUPLICATE_SHARD; a shard without an id or a query function: INVALID_SHARD", () => {
    expect(codeOf(QueryError, () => engineOf([new InMemoryShard("a", []), new InMemoryShard("a", [])]))).toBe(
      "DUPLICATE_SHARD",
    );
    expect(codeOf(QueryError, () => engineOf([new InMemoryShard("", [])]))).toBe("INVALID_SHARD");
    expect(codeOf(QueryError, () => engineOf([{ id: "a" } as Shard]))).toBe("INVALID_SHARD");
  });

  test("a policy other than fail or partial: INVALID_POLICY; a timeout that is not positive: INVALID_TIMEOUT", () => {
    const one = [new InMemoryShard("a", [])];
    expect(codeOf(QueryError, () => engineOf(one, { onShardFailure: "ignore" as "fail" }))).toBe("INVALID_POLICY");
    for (const shardTimeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(QueryError, () => engineOf(one, { shardTimeoutMs }))).toBe("INVALID_TIMEOUT");
    }
  });

  test("columns that are not a list of names: INVALID_COLUMNS", () => {
    const one = [new InMemoryShard("a", [])];
    expect(codeOf(QueryError, () => engineOf(one, { columns: "total" as unknown as string[] }))).toBe(
      "INVALID_COLUMNS",
    );
    expect(codeOf(QueryError, () => engineOf(one, { columns: ["total", ""] }))).toBe("INVALID_COLUMNS");
  });
});

test("shardIds() lists the shards by id", () => {
  const shards = ["db-3", "db-1", "db-2"].map((id) => new InMemoryShard(id, []));
  expect(engineOf(shards).shardIds()).toEqual(["db-1", "db-2", "db-3"]);
});
