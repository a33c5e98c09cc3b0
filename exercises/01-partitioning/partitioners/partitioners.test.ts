import fc from "fast-check";
import { zipfKeys } from "#kata/bench";
import {
  codeOf,
  ensure,
  messageOf as messageOfError,
  percent,
  propertySettings,
  sampleKeys,
  seededFaker,
} from "#kata/testing";
import {
  HashPartitioner,
  PartitionError,
  RangePartitioner,
  hash32,
  skewReport,
  type KeyRange,
  type KeyRecord,
  type Partitioner,
  type SkewReport,
} from "./src/partitioners";

const KEYS = sampleKeys(10_000);

/** a-h, h-o, o-u: three ranges that touch, so "h" and "o" are each one range's end and the next one's start. */
const LETTERS: KeyRange[] = [
  { start: "a", end: "h" },
  { start: "h", end: "o" },
  { start: "o", end: "u" },
];

const messageOf = (act: () => unknown): string => messageOfError(PartitionError, act);

/** The partition a key gets, or the code of the PartitionError it is refused with. */
function placeOf(partitioner: Partitioner, key: string): number | string {
  try {
    return partitioner.partitionFor(key);
  } catch (error) {
    if (error instanceof PartitionError) return error.code;
    throw error;
  }
}

/** The rule, by brute force: the i with start <= key < end, or KEY_NOT_COVERED. */
function placeByRule(ranges: readonly KeyRange[], key: string): number | string {
  const i = ranges.findIndex((r) => r.start <= key && (r.end === undefined || key < r.end));
  return i === -1 ? "KEY_NOT_COVERED" : i;
}

const show = (range: KeyRange | undefined): string =>
  range === undefined
    ? "none"
    : `[${JSON.stringify(range.start)}, ${range.end === undefined ? "..." : JSON.stringify(range.end)})`;

/** The figures a skew report must give, counted the slow, obvious way. */
function countByHand(partitioner: Partitioner, records: readonly KeyRecord[]): { keys: number[]; bytes: number[] } {
  const keys = new Array<number>(partitioner.partitionCount).fill(0);
  const bytes = new Array<number>(partitioner.partitionCount).fill(0);
  for (const { key, bytes: size } of records) {
    const p = partitioner.partitionFor(key);
    keys[p] = (keys[p] ?? 0) + 1;
    bytes[p] = (bytes[p] ?? 0) + size;
  }
  return { keys, bytes };
}

/** The largest value's index, the lowest on a tie. */
function argMax(values: readonly number[]): number {
  return values.reduce((best, value, i) => (value > (values[best] as number) ? i : best), 0);
}

/** Fails with a message that names the first figure of the report that differs from the counts. */
function expectReportMatches(report: SkewReport, partitioner: Partitioner, records: readonly KeyRecord[]): void {
  const { keys, bytes } = countByHand(partitioner, records);
  const loads = keys.map((k, partition) => ({ partition, keys: k, bytes: bytes[partition] as number }));
  const wrong = loads.find((load, i) => JSON.stringify(report.partitions[i]) !== JSON.stringify(load));
  ensure(
    report.partitions.length === partitioner.partitionCount && wrong === undefined,
    `over ${records.length} records the report gives ${JSON.stringify(report.partitions[wrong?.partition ?? 0])} ` +
      `for partition ${wrong?.partition ?? 0} (of ${report.partitions.length} listed), but counting the records one by one gives ` +
      `${JSON.stringify(wrong ?? loads[0])} (of ${partitioner.partitionCount} partitions). Count into fresh counters on every call: ` +
      "figures that include a previous report's records are counts left over from it.",
  );
  const totalKeys = records.length;
  const totalBytes = bytes.reduce((a, b) => a + b, 0);
  expect({ totalKeys: report.totalKeys, totalBytes: report.totalBytes }).toEqual({ totalKeys, totalBytes });
  const byKeys = argMax(keys);
  const byBytes = argMax(bytes);
  ensure(
    report.hottestByKeys.partition === byKeys,
    `hottestByKeys names partition ${report.hottestByKeys.partition} (${keys[report.hottestByKeys.partition]} records), but partition ${byKeys} has the most records (${keys[byKeys]})`,
  );
  ensure(
    report.hottestByBytes.partition === byBytes,
    `hottestByBytes names partition ${report.hottestByBytes.partition} (${bytes[report.hottestByBytes.partition]} bytes), but partition ${byBytes} ` +
      `holds the most bytes (${bytes[byBytes]} of ${totalBytes}). The partition with the most records is not always the one with the most bytes: count both.`,
  );
  expect(report.hottestByKeys.share).toBeCloseTo((keys[byKeys] as number) / totalKeys, 12);
  expect(report.hottestByBytes.share).toBeCloseTo((bytes[byBytes] as number) / totalBytes, 12);
}

describe("hash32: a stable, documented hash", () => {
  test("matches the spec's values (FNV-1a over UTF-8 bytes, then fmix32), on every run and machine", () => {
    const expected: [string, number][] = [
      ["hello", 0x888d766e],
      ["", 0xab3e7c0b],
      ["user:42", 0x23bf9c12],
      ["café", 0xdf518d52], // "é" is two UTF-8 bytes: hashing UTF-16 code units gives another value
    ];
    for (const [text, value] of expected) {
      const got = hash32(text);
      ensure(
        got === value,
        `hash32(${JSON.stringify(text)}) gave ${got}, the spec gives ${value} (0x${value.toString(16)}). ` +
          (got < 0
            ? "A negative hash is the signed reading of the 32 bits: Math.imul and ^ return signed integers; finish with h >>> 0."
            : "The hash must be exactly the documented function, so a key lands on the same partition in every process: " +
              "a salted or per-process hash (Python's hash(), a seed drawn at start-up) moves keys on every restart."),
      );
    }
  });

  test("always returns an unsigned 32-bit integer", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const h = hash32(text);
        ensure(
          Number.isInteger(h) && h >= 0 && h <= 0xffffffff,
          `hash32(${JSON.stringify(text)}) gave ${h}: a hash is an unsigned 32-bit integer (a negative one is read as signed: finish with h >>> 0)`,
        );
      }),
      propertySettings(),
    );
  });
});

describe("HashPartitioner: hash32(key) % partitionCount", () => {
  test("gives the documented partitions: hash32(key) % partitionCount", () => {
    const partitioner = new HashPartitioner(8);
    expect(partitioner.partitionCount).toBe(8);
    const expected: [string, number][] = [
      ["user:42", 2],
      ["user:43", 6],
      ["order-1001", 5],
      ["hello", 6],
    ];
    for (const [key, partition] of expected) {
      const got = partitioner.partitionFor(key);
      ensure(
        got === partition,
        `partitionFor(${JSON.stringify(key)}) with 8 partitions gave ${got}; hash32 is ${hash32(key)} and ${hash32(key)} % 8 = ${partition}. ` +
          (got < 0
            ? "A negative partition: the hash was read as signed, and % keeps the sign of the dividend."
            : "The same key must get the same partition on every run: a salted or per-process hash breaks that."),
      );
    }
    const sample = KEYS.slice(0, 2_000);
    expect(sample.map((key) => partitioner.partitionFor(key))).toEqual(sample.map((key) => hash32(key) % 8));
  });

  test("every partition is an integer from 0 to partitionCount - 1, never negative", () => {
    for (const count of [1, 3, 7, 10, 64]) {
      const partitioner = new HashPartitioner(count);
      const outside = (p: number): boolean => !Number.isInteger(p) || p < 0 || p >= count || Object.is(p, -0);
      const key = KEYS.slice(0, 5_000).find((k) => outside(partitioner.partitionFor(k)));
      if (key === undefined) continue;
      const p = partitioner.partitionFor(key);
      ensure(
        false,
        `partitionFor(${JSON.stringify(key)}) with ${count} partitions gave ${Object.is(p, -0) ? "-0" : p}: partitions are 0 .. ${count - 1}. ` +
          "A negative partition comes from a signed hash: JavaScript's % keeps the sign of the dividend, so read the hash as unsigned (h >>> 0) first.",
      );
    }
  });

  test("spreads keys evenly: the busiest of 10 partitions holds under 1.1x the mean", () => {
    const partitioner = new HashPartitioner(10);
    const counts = new Array<number>(10).fill(0);
    for (const key of KEYS) {
      const p = partitioner.partitionFor(key);
      counts[p] = (counts[p] ?? 0) + 1;
    }
    const busiest = Math.max(...counts) / (KEYS.length / 10);
    ensure(
      busiest < 1.1,
      `the busiest of 10 partitions holds ${busiest.toFixed(2)}x the mean of ${KEYS.length} keys (${counts.join(", ")}); a well-mixed hash stays under 1.1x`,
    );
  });

  test("going from 4 to 5 partitions moves about 80% of keys: the cost of hash mod N", () => {
    const four = new HashPartitioner(4);
    const five = new HashPartitioner(5);
    const moved = KEYS.filter((key) => four.partitionFor(key) !== five.partitionFor(key)).length / KEYS.length;
    ensure(
      moved > 0.75 && moved < 0.85,
      `from 4 to 5 partitions ${percent(moved)} of keys changed partition; hash % N moves about 80% (a key stays only when ` +
        "hash % 4 === hash % 5). That is the price of mod N, and the reason for consistent hashing, which moves about 1/5.",
    );
  });

  test("one partition holds every key", () => {
    const partitioner = new HashPartitioner(1);
    const sample = KEYS.slice(0, 500);
    expect(sample.map((key) => partitioner.partitionFor(key))).toEqual(sample.map(() => 0));
  });
});

describe("RangePartitioner: start included, end excluded", () => {
  test("a key belongs to the range with start <= key < end", () => {
    const partitioner = new RangePartitioner(LETTERS);
    expect(partitioner.partitionCount).toBe(3);
    const expected: [string, number][] = [
      ["apple", 0],
      ["grape", 0],
      ["kiwi", 1],
      ["nectarine", 1],
      ["peach", 2],
      ["tomato", 2],
    ];
    for (const [key, partition] of expected) expect(placeOf(partitioner, key)).toBe(partition);
  });

  test("a key exactly on a boundary belongs to the range that starts there, not the one that ends there", () => {
    const partitioner = new RangePartitioner(LETTERS);
    for (const [i, range] of LETTERS.entries()) {
      const got = placeOf(partitioner, range.start);
      const previous = LETTERS[i - 1];
      ensure(
        got === i,
        `partitionFor(${JSON.stringify(range.start)}) gave ${got}: the key is exactly where range ${i}, ${show(range)}, starts` +
          (previous?.end === range.start ? ` and range ${i - 1}, ${show(previous)}, ends` : "") +
          `, so it belongs to range ${i}. Starts are included and ends excluded: an inclusive end (key <= end) hands a boundary key to the range on its left.`,
      );
    }
  });

  test("keys just either side of a boundary: the last key before it stays left, the first after it goes right", () => {
    const partitioner = new RangePartitioner(LETTERS);
    // "g\uffff\uffff" sorts just below "h"; "h\u0000" is the very next string after "h".
    const cases: [string, number][] = [
      ["g\uffff\uffff", 0],
      ["h\u0000", 1],
      ["n\uffff", 1],
      ["o\u0000", 2],
    ];
    for (const [key, partition] of cases) {
      const got = placeOf(partitioner, key);
      ensure(
        got === partition,
        `partitionFor(${JSON.stringify(key)}) gave ${got}, expected ${partition}: the key sits right next to a boundary of ${LETTERS.map(show).join(" ")}`,
      );
    }
  });

  test("a key at or past the last range's end is refused with KEY_NOT_COVERED, not sent to the last partition", () => {
    const partitioner = new RangePartitioner(LETTERS);
    const atEnd = placeOf(partitioner, "u");
    ensure(
      atEnd === "KEY_NOT_COVERED",
      `partitionFor("u") gave ${atEnd}: the last range is ["o", "u") and its end is excluded, so no range holds "u". ` +
        "Refuse it with KEY_NOT_COVERED: either the end was treated as inclusive (key <= end), or keys past the last range were sent to the last partition.",
    );
    for (const key of ["u\u0000", "walnut", "zucchini", "~"]) {
      const got = placeOf(partitioner, key);
      ensure(
        got === "KEY_NOT_COVERED",
        `partitionFor(${JSON.stringify(key)}) gave ${got}: the key is past the last range, ["o", "u"), so no range holds it. ` +
          "A key no range covers must be refused with KEY_NOT_COVERED, not sent to the last partition: a write stored there " +
          "would be lost to every later reader that routes it by the rules.",
      );
    }
  });

  test("a key before the first range or in a gap between ranges is refused with KEY_NOT_COVERED", () => {
    const withGap = new RangePartitioner([
      { start: "b", end: "h" },
      { start: "m", end: "t" },
    ]);
    for (const key of ["a", "Zoe", "0001", "h", "hazel", "l\uffff"]) {
      const got = placeOf(withGap, key);
      ensure(
        got === "KEY_NOT_COVERED",
        `partitionFor(${JSON.stringify(key)}) gave ${got} on ranges ["b", "h") and ["m", "t"): ` +
          (key === "h"
            ? '"h" is the first range\'s end, which is excluded, and the gap up to "m" belongs to no range (an inclusive end, key <= end, takes it)'
            : "no range holds it") +
          "; refuse it with KEY_NOT_COVERED instead of guessing a partition.",
      );
    }
    expect(placeOf(withGap, "m")).toBe(1);
    expect(placeOf(withGap, "b")).toBe(0);
  });

  test("the KEY_NOT_COVERED message names the key and where it fell", () => {
    const withGap = new RangePartitioner([
      { start: "b", end: "h" },
      { start: "m", end: "t" },
    ]);
    const message = messageOf(() => withGap.partitionFor("kiwi"));
    ensure(
      message.includes("kiwi") && message.includes('"h"') && message.includes('"m"'),
      `partitionFor("kiwi") on ["b", "h") and ["m", "t") said ${JSON.stringify(message)}: name the key and the ranges either side of it (quoted, like "h" and "m"), so the gap can be found from one log line`,
    );
  });

  test('an open-ended last range covers every key after its start, and a start of "" every key before its end', () => {
    const partitioner = new RangePartitioner([{ start: "", end: "h" }, { start: "h" }]);
    expect(placeOf(partitioner, "Aaron")).toBe(0);
    expect(placeOf(partitioner, "0")).toBe(0);
    expect(placeOf(partitioner, "h")).toBe(1);
    expect(placeOf(partitioner, "\uffff\uffff")).toBe(1);
  });

  test("agrees with the rule start <= key < end on random ranges and keys, boundaries included", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 1, maxLength: 3 });
    const layout = fc.record({
      bounds: fc.uniqueArray(word, { minLength: 2, maxLength: 8 }).map((bounds) => bounds.sort()),
      gaps: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      openEnd: fc.boolean(),
    });
    fc.assert(
      fc.property(layout, fc.array(word, { maxLength: 20 }), ({ bounds, gaps, openEnd }, words) => {
        // Consecutive bounds make ranges; a gap skips one pair, so some ranges do not touch.
        const ranges: KeyRange[] = [];
        for (let i = 0; i + 1 < bounds.length; i += gaps[i] === true ? 2 : 1) {
          ranges.push({ start: bounds[i] as string, end: bounds[i + 1] as string });
        }
        const last = ranges[ranges.length - 1] as KeyRange;
        if (openEnd) ranges[ranges.length - 1] = { start: last.start };
        const partitioner = new RangePartitioner(ranges);
        const keys = [...bounds, ...bounds.map((b) => `${b}\u0000`), ...words];
        for (const key of keys) {
          const expected = placeByRule(ranges, key);
          const got = placeOf(partitioner, key);
          ensure(
            got === expected,
            `partitionFor(${JSON.stringify(key)}) gave ${got}, the rule gives ${expected} on ranges ${ranges.map(show).join(" ")}` +
              (bounds.includes(key)
                ? ": the key is exactly a bound (start included, end excluded; an inclusive end takes it to the left)"
                : ""),
          );
        }
      }),
      propertySettings(200),
    );
  });

  test("ranges() lists the ranges in partition order, as a copy", () => {
    const partitioner = new RangePartitioner([{ start: "a", end: "h" }, { start: "h" }]);
    const listed = partitioner.ranges();
    expect(listed).toEqual([{ start: "a", end: "h" }, { start: "h" }]);
    listed.pop();
    expect(partitioner.ranges()).toHaveLength(2);
    expect(placeOf(partitioner, "zebra")).toBe(1);
  });
});

describe("range partitioning on a timestamp makes a hot spot", () => {
  /** A month per range, December 2025 to November 2026; the last one has no end. */
  const MONTHS: KeyRange[] = Array.from({ length: 12 }, (_, i) => {
    const month = (m: number): string => new Date(Date.UTC(2025, 11 + m, 1)).toISOString().slice(0, 7);
    return i === 11 ? { start: month(i) } : { start: month(i), end: month(i + 1) };
  });

  /** An hour of writes from 09:00 on 23 November 2026, keyed by their (virtual, seeded) timestamps. */
  function recentWrites(count: number): KeyRecord[] {
    const faker = seededFaker();
    let at = Date.UTC(2026, 10, 23, 9);
    return Array.from({ length: count }, () => {
      at += faker.number.int({ min: 1, max: 2_000 });
      return { key: new Date(at).toISOString(), bytes: faker.number.int({ min: 200, max: 800 }) };
    });
  }

  test("every recent write lands on the last range; hash partitioning spreads the same writes", () => {
    const writes = recentWrites(3_000);
    const byMonth = skewReport(new RangePartitioner(MONTHS), writes);
    ensure(
      byMonth.hottestByKeys.partition === 11 &&
        byMonth.hottestByKeys.share === 1 &&
        byMonth.partitions[11]?.keys === 3_000,
      `an hour of writes keyed by timestamp should all land on the last range, ${show(MONTHS[11])} (partition 11, share 100%); ` +
        `the report says partition ${byMonth.hottestByKeys.partition} with ${percent(byMonth.hottestByKeys.share)}. ` +
        "Timestamps only grow, so range partitioning on them sends every new write to one partition: eleven sit idle while one takes all the load.",
    );
    expect(byMonth.hottestByKeys.overMean).toBeCloseTo(12, 9);
    const byHash = skewReport(new HashPartitioner(12), writes);
    ensure(
      byHash.hottestByKeys.overMean < 1.25,
      `hashing the same 3,000 timestamps over 12 partitions should spread them (the busiest under 1.25x the mean), got ${byHash.hottestByKeys.overMean.toFixed(2)}x`,
    );
  });

  test("splitting the hot range does not cure it: the new last range takes every write", () => {
    const writes = recentWrites(1_000);
    const split = [...MONTHS.slice(0, 11), { start: "2026-11", end: "2026-11-23" }, { start: "2026-11-23" }];
    const report = skewReport(new RangePartitioner(split), writes);
    ensure(
      report.hottestByKeys.partition === 12 && report.hottestByKeys.share === 1,
      `after splitting November at the 23rd, today's writes should all land on the new last range (partition 12); the report says partition ${report.hottestByKeys.partition} with ${percent(report.hottestByKeys.share)}`,
    );
  });
});

describe("skewReport: keys and bytes per partition, and the hottest partition", () => {
  test("a worked example: every figure, empty partitions included", () => {
    const records: KeyRecord[] = [
      { key: "apple", bytes: 100 },
      { key: "banana", bytes: 300 },
      { key: "cherry", bytes: 100 },
      { key: "peach", bytes: 1_500 },
    ];
    const report = skewReport(new RangePartitioner(LETTERS), records);
    expect(report.partitions).toEqual([
      { partition: 0, keys: 3, bytes: 500 },
      { partition: 1, keys: 0, bytes: 0 },
      { partition: 2, keys: 1, bytes: 1_500 },
    ]);
    expect(report.totalKeys).toBe(4);
    expect(report.totalBytes).toBe(2_000);
    expect(report.hottestByKeys).toEqual({ partition: 0, share: 0.75, overMean: 2.25 });
    ensure(
      report.hottestByBytes.partition === 2,
      `hottestByBytes names partition ${report.hottestByBytes.partition}, but partition 2 holds the most bytes (1,500 of 2,000) ` +
        "with one record, while partition 0 has the most records (3) and only 500 bytes: the hottest by bytes is the partition with the most bytes, counted separately.",
    );
    expect(report.hottestByBytes.share).toBeCloseTo(0.75, 12);
    expect(report.hottestByBytes.overMean).toBeCloseTo(2.25, 12);
  });

  test("the figures match the actual counts on seeded skewed data (hot users, a few large rows)", () => {
    const faker = seededFaker();
    const keys = zipfKeys(10_000, 1_000, 1.1, 4242, "user:");
    const records = keys.map((key) => ({ key, bytes: faker.number.int({ min: 1, max: 100 }) < 3 ? 50_000 : 400 }));
    const hash = new HashPartitioner(8);
    expectReportMatches(skewReport(hash, records), hash, records);
    const range = new RangePartitioner([
      { start: "", end: "user:2" },
      { start: "user:2", end: "user:5" },
      { start: "user:5" },
    ]);
    expectReportMatches(skewReport(range, records), range, records);
  });

  test("each report counts only its own records, none left over from a previous report", () => {
    const partitioner = new HashPartitioner(4);
    const first: KeyRecord[] = KEYS.slice(0, 300).map((key) => ({ key, bytes: 10 }));
    const second: KeyRecord[] = KEYS.slice(300, 350).map((key) => ({ key, bytes: 7 }));
    skewReport(partitioner, first);
    const report = skewReport(partitioner, second);
    ensure(
      report.partitions.reduce((sum, load) => sum + load.keys, 0) === 50 && report.totalBytes === 350,
      `a report over 50 records of 7 bytes counted ${report.partitions.reduce((sum, load) => sum + load.keys, 0)} records and ${report.totalBytes} bytes ` +
        "after a previous report over 300 records: counters kept from the previous report. Start every report from zero.",
    );
    expectReportMatches(report, partitioner, second);
  });

  test("a tie goes to the lowest partition number", () => {
    const partitioner = new RangePartitioner(LETTERS);
    const records: KeyRecord[] = [
      { key: "kiwi", bytes: 50 },
      { key: "lime", bytes: 50 },
      { key: "pear", bytes: 60 },
      { key: "plum", bytes: 40 },
    ];
    const report = skewReport(partitioner, records);
    ensure(
      report.hottestByKeys.partition === 1 && report.hottestByBytes.partition === 1,
      `partitions 1 and 2 both hold 2 records and 100 bytes; the tie goes to the lower number, 1, ` +
        `but the report names ${report.hottestByKeys.partition} by keys and ${report.hottestByBytes.partition} by bytes`,
    );
    expect(report.hottestByKeys.share).toBe(0.5);
  });

  test("no records, or no bytes, gives shares of 0, not NaN", () => {
    const partitioner = new HashPartitioner(4);
    const empty = skewReport(partitioner, []);
    expect(empty.totalKeys).toBe(0);
    expect(empty.partitions).toHaveLength(4);
    expect(empty.hottestByKeys).toEqual({ partition: 0, share: 0, overMean: 0 });
    expect(empty.hottestByBytes).toEqual({ partition: 0, share: 0, overMean: 0 });
    const weightless = skewReport(partitioner, [{ key: "user:1", bytes: 0 }]);
    expect(weightless.hottestByKeys.share).toBe(1);
    expect(weightless.hottestByBytes).toEqual({ partition: 0, share: 0, overMean: 0 });
  });
});

describe("bad input gets a PartitionError with a code", () => {
  test("a key that is not a string is refused with INVALID_KEY, by both partitioners", () => {
    for (const partitioner of [new HashPartitioner(4), new RangePartitioner([{ start: "" }])]) {
      for (const key of [42, undefined, null, { id: 7 }]) {
        expect(codeOf(PartitionError, () => partitioner.partitionFor(key as unknown as string))).toBe("INVALID_KEY");
      }
    }
    const message = messageOf(() => new HashPartitioner(4).partitionFor(42 as unknown as string));
    expect(message).toMatch(/string/i);
    expect(message).toMatch(/number/);
  });

  test("the empty key is refused with EMPTY_KEY, by both partitioners", () => {
    const partitioners: [string, Partitioner][] = [
      ["HashPartitioner", new HashPartitioner(4)],
      ['RangePartitioner starting at ""', new RangePartitioner([{ start: "" }])],
    ];
    for (const [name, partitioner] of partitioners) {
      const got = placeOf(partitioner, "");
      ensure(
        got === "EMPTY_KEY",
        `${name}.partitionFor("") gave ${got}: the empty key must be refused with EMPTY_KEY. It is what a missing field ` +
          "becomes, and every row without one would pile onto a single partition unnoticed.",
      );
    }
  });

  test.each([0, -2, 2.5, Number.NaN, Number.POSITIVE_INFINITY])("partitionCount %p is refused", (count) => {
    expect(codeOf(PartitionError, () => new HashPartitioner(count))).toBe("INVALID_PARTITION_COUNT");
  });

  test("the partition-count message names the value given and what is allowed", () => {
    const message = messageOf(() => new HashPartitioner(2.5));
    expect(message).toMatch(/positive integer/i);
    expect(message).toContain("2.5");
  });

  test("an empty range list is refused with INVALID_PARTITION_COUNT", () => {
    expect(codeOf(PartitionError, () => new RangePartitioner([]))).toBe("INVALID_PARTITION_COUNT");
  });

  test("a range whose end is not after its start is refused with INVALID_RANGE", () => {
    for (const bad of [
      { start: "m", end: "m" },
      { start: "m", end: "a" },
      { start: "a", end: "" },
    ]) {
      expect(codeOf(PartitionError, () => new RangePartitioner([{ start: "", end: "a" }, bad]))).toBe("INVALID_RANGE");
    }
    const message = messageOf(() => new RangePartitioner([{ start: "m", end: "m" }]));
    expect(message).toContain('"m"');
  });

  test("ranges listed out of key order are refused with UNSORTED_RANGES", () => {
    const ranges = [
      { start: "h", end: "o" },
      { start: "a", end: "h" },
    ];
    expect(codeOf(PartitionError, () => new RangePartitioner(ranges))).toBe("UNSORTED_RANGES");
  });

  test("overlapping ranges are refused with OVERLAPPING_RANGES; ranges that only touch are fine", () => {
    const overlapping: KeyRange[][] = [
      [
        { start: "a", end: "k" },
        { start: "h", end: "o" },
      ],
      [
        { start: "a", end: "h" },
        { start: "a", end: "c" },
      ],
      [{ start: "a" }, { start: "h", end: "o" }], // an open end, not last, overlaps whatever follows
    ];
    for (const ranges of overlapping) {
      let got: string;
      try {
        new RangePartitioner(ranges);
        got = "accepted";
      } catch (error) {
        if (!(error instanceof PartitionError)) throw error;
        got = error.code;
      }
      ensure(
        got === "OVERLAPPING_RANGES",
        `new RangePartitioner(${ranges.map(show).join(" ")}) gave ${got}: these ranges overlap, so some keys would have two partitions ` +
          "and which one a key gets would depend on the search. Refuse them with OVERLAPPING_RANGES: check each range starts at or after the previous one's end.",
      );
    }
    expect(new RangePartitioner(LETTERS).partitionCount).toBe(3);
  });

  test("the overlap message names both ranges", () => {
    const message = messageOf(
      () =>
        new RangePartitioner([
          { start: "a", end: "k" },
          { start: "h", end: "o" },
        ]),
    );
    for (const bound of ['"a"', '"k"', '"h"', '"o"']) expect(message).toContain(bound);
  });

  test("a skew-report record with a size that is not a whole number of bytes is refused with INVALID_RECORD", () => {
    const partitioner = new HashPartitioner(4);
    for (const bytes of [-1, 1.5, Number.NaN, "10"]) {
      const records = [
        { key: "a", bytes: 1 },
        { key: "b", bytes: bytes as number },
      ];
      expect(codeOf(PartitionError, () => skewReport(partitioner, records))).toBe("INVALID_RECORD");
    }
    const records = [
      { key: "a", bytes: 1 },
      { key: "b", bytes: 2 },
      { key: "c", bytes: -5 },
    ];
    const message = messageOf(() => skewReport(partitioner, records));
    ensure(
      /\b2\b/.test(message) && message.includes("-5"),
      `a report whose record 2 has bytes -5 said ${JSON.stringify(message)}: name the record's index (2) and the size given (-5)`,
    );
  });

  test("a record whose key no range covers fails the report with the partitioner's own error", () => {
    const partitioner = new RangePartitioner(LETTERS);
    expect(codeOf(PartitionError, () => skewReport(partitioner, [{ key: "zebra", bytes: 10 }]))).toBe(
      "KEY_NOT_COVERED",
    );
    expect(codeOf(PartitionError, () => skewReport(partitioner, [{ key: "", bytes: 10 }]))).toBe("EMPTY_KEY");
  });
});
