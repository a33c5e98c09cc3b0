/**
 * Shards for the tests and the bench (given code): an in-memory shard that answers like a database
 * node would, a seeded table of orders to spread across shards, and what one database holding
 * every row would answer, the oracle every result is compared with.
 */
import { seededFaker, testSeed } from "#kata/testing";
import type { Query, Row, Shard, ShardRequest, SortKey, Value } from "./src/query";

/** The orders table's columns. */
export const ORDER_COLUMNS = ["id", "customer", "region", "total", "placedAt"] as const;

/**
 * `count` orders, the same for a given seed. `id` is unique ("o-0042"); `region` (4 values) and
 * `total` (0-49) repeat a lot, so sorting by them alone leaves many ties; `placedAt` rarely ties.
 */
export function seededOrders(count: number, seed: number = testSeed()): Row[] {
  const faker = seededFaker(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `o-${String(i).padStart(4, "0")}`,
    customer: faker.person.lastName(),
    region: faker.helpers.arrayElement(["ap", "eu", "sa", "us"]),
    total: faker.number.int({ min: 0, max: 49 }),
    placedAt: faker.number.int({ min: 1_700_000_000, max: 1_700_100_000 }),
  }));
}

/** Deals rows out to `count` shards, round robin: shard i holds rows i, i + count, i + 2 count... */
export function dealRows(rows: readonly Row[], count: number): Row[][] {
  const shards: Row[][] = Array.from({ length: count }, () => []);
  rows.forEach((row, i) => (shards[i % count] as Row[]).push(row));
  return shards;
}

/** How sort values compare: numbers numerically, strings by code units, numbers before strings. */
function compareValues(a: Value, b: Value): number {
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows in `orderBy` order; rows that tie keep their order (Array.prototype.sort is stable). */
export function sortRows(rows: readonly Row[], orderBy: readonly SortKey[]): Row[] {
  return [...rows].sort((a, b) => {
    for (const { column, direction } of orderBy) {
      const order = compareValues(a[column] as Value, b[column] as Value);
      if (order !== 0) return direction === "desc" ? -order : order;
    }
    return 0;
  });
}

/**
 * What one database holding every row would answer: every shard's rows, shard by shard in id
 * order, sorted by the query (stable), then OFFSET and LIMIT.
 */
export function singleNodeQuery(shards: readonly { id: string; rows: readonly Row[] }[], query: Query): Row[] {
  const inIdOrder = [...shards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sorted = sortRows(
    inIdOrder.flatMap((shard) => shard.rows),
    query.orderBy,
  );
  const offset = query.offset ?? 0;
  return sorted.slice(offset, query.limit === undefined ? undefined : offset + query.limit);
}

export interface ShardBehaviour {
  /** How long each answer takes, in ms of `sleep`'s clock: a number, or one drawn per request. */
  latencyMs?: number | (() => number);
  /** The clock latency runs on (VirtualTimers' sleep in tests). Required with latencyMs. */
  sleep?: (ms: number) => Promise<void>;
  /** When set, every query rejects with this error (after the latency). */
  failWith?: Error;
}

/**
 * A shard holding `rows` in memory. It answers like a database node: its rows sorted by the
 * request's orderBy (stable: tied rows keep the order they are stored in), cut to request.limit.
 * It records every request and how many rows each answer held, for tests of pushdown.
 */
export class InMemoryShard implements Shard {
  readonly requests: ShardRequest[] = [];
  /** Rows in each answer, one entry per answer sent. */
  readonly returned: number[] = [];

  constructor(
    readonly id: string,
    readonly rows: readonly Row[],
    private readonly behaviour: ShardBehaviour = {},
  ) {}

  /** Rows sent in all answers together. */
  get rowsSent(): number {
    return this.returned.reduce((sum, n) => sum + n, 0);
  }

  async query(request: ShardRequest): Promise<readonly Row[]> {
    this.requests.push(request);
    const { latencyMs, sleep, failWith } = this.behaviour;
    if (latencyMs !== undefined) {
      if (sleep === undefined) throw new Error(`shard ${this.id}: a latency needs a sleep function (VirtualTimers)`);
      await sleep(typeof latencyMs === "number" ? latencyMs : latencyMs());
    }
    if (failWith !== undefined) throw failWith;
    const sorted = sortRows(this.rows, request.orderBy);
    const answer = request.limit === undefined ? sorted : sorted.slice(0, request.limit);
    this.returned.push(answer.length);
    return answer;
  }
}
