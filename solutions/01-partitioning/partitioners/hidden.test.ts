/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import { codeOf, ensure, messageOf as messageOfError, sampleKeys } from "#kata/testing";
import {
  HashPartitioner,
  PartitionError,
  RangePartitioner,
  hash32,
  skewReport,
  type KeyRange,
  type KeyRecord,
  type Partitioner,
} from "./src/partitioners";

const KEYS = sampleKeys(4_000, 99);

const messageOf = (act: () => unknown): string => messageOfError(PartitionError, act);

function placeOf(partitioner: Partitioner, key: string): number | string {
  try {
    return partitioner.partitionFor(key);
  } catch (error) {
    if (error instanceof PartitionError) return error.code;
    throw error;
  }
}

function placeByRule(ranges: readonly KeyRange[], key: string): number | string {
  const i = ranges.findIndex((r) => r.start <= key && (r.end === undefined || key < r.end));
  return i === -1 ? "KEY_NOT_COVERED" : i;
}

/** Contiguous ranges between the given sorted, distinct bounds; the last one without an end. */
function contiguous(bounds: readonly string[]): KeyRange[] {
  return bounds.map((start, i) => (i === bounds.length - 1 ? { start } : { start, end: bounds[i + 1] as string }));
}

describe("hidden: the hash and the hash partitioner", () => {
  test("hashes the UTF-8 bytes of text outside ASCII", () => {
    expect(hash32("\u0080")).toBe(0x5380d8b5);
    expect(hash32("東京")).toBe(0x50b7e2e7);
    expect(hash32("ключ")).toBe(0x9aa1b562);
    expect(hash32("😀")).toBe(0x3303a80a);
    const partitioner = new HashPartitioner(6);
    for (const key of ["東京", "Zürich", "ключ", "😀"]) expect(partitioner.partitionFor(key)).toBe(hash32(key) % 6);
  });

  test("a partition count above 2^31 still gives hash % count, never negative", () => {
    const count = 3_000_000_000;
    const partitioner = new HashPartitioner(count);
    for (const key of KEYS.slice(0, 500)) {
      const p = partitioner.partitionFor(key);
      ensure(
        p === hash32(key) % count && p >= 0,
        `partitionFor(${JSON.stringify(key)}) with ${count} partitions gave ${p}, expected ${hash32(key) % count}: ` +
          "use the unsigned hash and plain %, not 32-bit signed arithmetic (| 0) on the count",
      );
    }
  });

  test("a partition count given as a string is refused, and the message shows it was a string", () => {
    expect(codeOf(PartitionError, () => new HashPartitioner("4" as unknown as number))).toBe("INVALID_PARTITION_COUNT");
    expect(messageOf(() => new HashPartitioner("4" as unknown as number))).toContain('"4"');
    expect(messageOf(() => new HashPartitioner(-2))).toContain("-2");
    expect(messageOf(() => new HashPartitioner(Number.NaN))).toContain("NaN");
    expect(messageOf(() => new HashPartitioner(Number.POSITIVE_INFINITY))).toContain("Infinity");
  });
});

describe("hidden: range lookups at every size", () => {
  test("tables of 1 to 40 ranges agree with the rule on every bound, next to every bound, and between", () => {
    const bounds = [...new Set(KEYS)].sort().slice(0, 41);
    for (let n = 1; n <= 40; n++) {
      // Every other table has a gap after each range, to check the end as well as the start.
      const ranges =
        n % 2 === 0
          ? contiguous(bounds.slice(0, n))
          : bounds.slice(0, n).map((start) => ({ start, end: `${start}\u0000` }));
      const partitioner = new RangePartitioner(ranges);
      expect(partitioner.partitionCount).toBe(n);
      const probes = [...bounds.slice(0, n + 1), ...bounds.slice(0, n + 1).map((b) => `${b}\u0000`), "a", "~", "0"];
      for (const key of probes) {
        const expected = placeByRule(ranges, key);
        const got = placeOf(partitioner, key);
        ensure(
          got === expected,
          `with ${n} ranges partitionFor(${JSON.stringify(key)}) gave ${got}, the rule gives ${expected}`,
        );
      }
    }
  });

  test("10,000 contiguous ranges agree with the rule for every key", () => {
    // 12,000 distinct bounds from 4,000 keys, of which the first 10,000 in order start the ranges.
    const sorted = [...new Set(KEYS.flatMap((key) => [key, `${key}#1`, `${key}#2`]))].sort().slice(0, 10_000);
    const partitioner = new RangePartitioner(contiguous(sorted));
    for (const key of [...KEYS.slice(0, 300), ...sorted.filter((_, i) => i % 97 === 0)]) {
      const after = sorted.findIndex((start) => start > key);
      const expected = after === -1 ? sorted.length - 1 : after - 1;
      expect(placeOf(partitioner, key)).toBe(expected === -1 ? "KEY_NOT_COVERED" : expected);
    }
  });

  test("keys compare as JavaScript strings: case-sensitive, a prefix before its extensions", () => {
    const partitioner = new RangePartitioner([
      { start: "A", end: "a" },
      { start: "a", end: "h" },
      { start: "h", end: "ha" },
      { start: "ha" },
    ]);
    expect(placeOf(partitioner, "Zoe")).toBe(0);
    expect(placeOf(partitioner, "alice")).toBe(1);
    expect(placeOf(partitioner, "h")).toBe(2);
    expect(placeOf(partitioner, "h-1")).toBe(2);
    expect(placeOf(partitioner, "ha")).toBe(3);
    expect(placeOf(partitioner, "émile")).toBe(3);
    expect(placeOf(partitioner, "42")).toBe("KEY_NOT_COVERED");
  });

  test('one range starting at "" with no end covers every non-empty key', () => {
    const partitioner = new RangePartitioner([{ start: "" }]);
    for (const key of KEYS.slice(0, 200)) expect(partitioner.partitionFor(key)).toBe(0);
  });

  test("changing the list or its ranges after construction changes nothing", () => {
    const ranges: { start: string; end?: string }[] = [
      { start: "a", end: "h" },
      { start: "h", end: "o" },
    ];
    const partitioner = new RangePartitioner(ranges);
    (ranges[0] as { end?: string }).end = "z";
    ranges.push({ start: "b", end: "c" });
    expect(partitioner.partitionCount).toBe(2);
    expect(placeOf(partitioner, "kiwi")).toBe(1);
    expect(placeOf(partitioner, "plum")).toBe("KEY_NOT_COVERED");
    const listed = partitioner.ranges();
    (listed[0] as { end?: string }).end = "b";
    expect(partitioner.ranges()[0]).toEqual({ start: "a", end: "h" });
    expect(placeOf(partitioner, "grape")).toBe(0);
  });
});

describe("hidden: what the messages name", () => {
  const withGap = (): RangePartitioner =>
    new RangePartitioner([
      { start: "b", end: "h" },
      { start: "m", end: "t" },
    ]);

  test("KEY_NOT_COVERED says before the first range, or past the last, naming that range", () => {
    const before = messageOf(() => withGap().partitionFor("apple"));
    ensure(
      before.includes("apple") && before.includes('"b"') && /first/i.test(before),
      `partitionFor("apple") said ${JSON.stringify(before)}: say the key falls before the first range, ["b", "h")`,
    );
    const past = messageOf(() => withGap().partitionFor("tomato"));
    ensure(
      past.includes("tomato") && past.includes('"t"') && /last/i.test(past),
      `partitionFor("tomato") said ${JSON.stringify(past)}: say the key falls past the last range, ["m", "t")`,
    );
  });

  test("an open-ended range is shown as open, never with undefined for its end", () => {
    const message = messageOf(() => new RangePartitioner([{ start: "m" }]).partitionFor("apple"));
    ensure(
      message.includes('"m"') && !/undefined|null/.test(message) && /\.\.\.|no end|open|∞|infinity/i.test(message),
      `partitionFor("apple") on one range from "m" with no end said ${JSON.stringify(message)}: show the range's start and ` +
        'that it has no end (as ["m", ...) or in words), not an undefined end',
    );
  });

  test("INVALID_KEY shows an object as JSON and names undefined", () => {
    const partitioner = new HashPartitioner(4);
    const object = messageOf(() => partitioner.partitionFor({ id: 7 } as unknown as string));
    ensure(
      object.includes('{"id":7}'),
      `partitionFor({ id: 7 }) said ${JSON.stringify(object)}: show the value as JSON, not [object Object]`,
    );
    expect(messageOf(() => partitioner.partitionFor(undefined as unknown as string))).toMatch(/undefined/);
    expect(messageOf(() => partitioner.partitionFor(undefined as unknown as string))).not.toMatch(
      /undefined undefined/,
    );
    expect(messageOf(() => new RangePartitioner([{ start: "" }]).partitionFor(7 as unknown as string))).toMatch(
      /number 7/,
    );
  });

  test("EMPTY_KEY's message says what to do", () => {
    expect(messageOf(() => new HashPartitioner(3).partitionFor(""))).toMatch(/non-empty/i);
  });

  test("a malformed range is refused with INVALID_RANGE, naming its index", () => {
    const cases: unknown[][] = [
      [{ start: "a", end: "h" }, { start: 42 }],
      [
        { start: "a", end: "h" },
        { start: "h", end: null },
      ],
      [{ start: "a", end: "h" }, null],
      [{ start: "a", end: "h" }, "h-o"],
      [{ start: "a", end: "h" }, { end: "o" }],
    ];
    for (const ranges of cases) {
      const message = messageOf(() => new RangePartitioner(ranges as KeyRange[]));
      expect(codeOf(PartitionError, () => new RangePartitioner(ranges as KeyRange[]))).toBe("INVALID_RANGE");
      ensure(
        /\b1\b/.test(message),
        `new RangePartitioner(${JSON.stringify(ranges)}) said ${JSON.stringify(message)}: name the range's index, 1`,
      );
    }
    expect(messageOf(() => new RangePartitioner([{ start: "a", end: "h" }, "h-o" as unknown as KeyRange]))).toContain(
      '"h-o"',
    );
    expect(codeOf(PartitionError, () => new RangePartitioner("a-h" as unknown as KeyRange[]))).toBe("INVALID_RANGE");
    expect(messageOf(() => new RangePartitioner("a-h" as unknown as KeyRange[]))).toContain('"a-h"');
    expect(messageOf(() => new RangePartitioner([{ start: "m", end: "a" }]))).toMatch(/after/i);
    expect(messageOf(() => new RangePartitioner([]))).toMatch(/at least 1/i);
  });

  test("UNSORTED_RANGES and OVERLAPPING_RANGES name both ranges and their indexes", () => {
    const unsorted = messageOf(
      () =>
        new RangePartitioner([
          { start: "a", end: "c" },
          { start: "h", end: "o" },
          { start: "d", end: "f" },
        ]),
    );
    for (const part of ['"d"', '"f"', '"h"', '"o"', "1", "2"]) expect(unsorted).toContain(part);
    const openEnded = messageOf(() => new RangePartitioner([{ start: "a" }, { start: "h", end: "o" }]));
    expect(openEnded).toMatch(/only the last range/i);
    expect(codeOf(PartitionError, () => new RangePartitioner([{ start: "h", end: "o" }, { start: "a" }]))).toBe(
      "UNSORTED_RANGES",
    );
    const overlap = messageOf(
      () =>
        new RangePartitioner([
          { start: "a", end: "k" },
          { start: "h", end: "o" },
        ]),
    );
    expect(overlap).toContain('at or after "k"');
    ensure(
      /\b0\b/.test(overlap) && /\b1\b/.test(overlap),
      `the overlap of range 1 with range 0 said ${JSON.stringify(overlap)}: name both ranges' indexes`,
    );
  });
});

describe("hidden: the skew report", () => {
  test("works for any Partitioner, and changes neither the records nor the partitioner", () => {
    // A partitioner the report has never seen: by first letter, vowels apart.
    const byVowel: Partitioner = {
      partitionCount: 3,
      partitionFor: (key) => ("aeiou".includes(key[0] ?? "") ? 0 : key < "n" ? 1 : 2),
    };
    const records: KeyRecord[] = [
      { key: "apple", bytes: 5 },
      { key: "kiwi", bytes: 7 },
      { key: "plum", bytes: 9 },
      { key: "pear", bytes: 11 },
    ];
    const copy = JSON.stringify(records);
    const report = skewReport(byVowel, records);
    expect(report.partitions).toEqual([
      { partition: 0, keys: 1, bytes: 5 },
      { partition: 1, keys: 1, bytes: 7 },
      { partition: 2, keys: 2, bytes: 20 },
    ]);
    expect(report.hottestByKeys).toEqual({ partition: 2, share: 0.5, overMean: 1.5 });
    expect(report.hottestByBytes.partition).toBe(2);
    expect(report.hottestByBytes.share).toBeCloseTo(20 / 32, 12);
    expect(report.hottestByBytes.overMean).toBeCloseTo(60 / 32, 12);
    expect(JSON.stringify(records)).toBe(copy);
  });

  test("a key listed twice counts twice, and the hottest can be the last partition", () => {
    const partitioner = new RangePartitioner([{ start: "a", end: "m" }, { start: "m" }]);
    const records: KeyRecord[] = [
      { key: "apple", bytes: 1 },
      { key: "zebra", bytes: 3 },
      { key: "zebra", bytes: 3 },
    ];
    const report = skewReport(partitioner, records);
    expect(report.partitions[1]).toEqual({ partition: 1, keys: 2, bytes: 6 });
    expect(report.hottestByKeys.partition).toBe(1);
    expect(report.hottestByBytes.partition).toBe(1);
    expect(report.totalKeys).toBe(3);
  });

  test("ties by bytes go to the lowest partition too", () => {
    const partitioner = new RangePartitioner([{ start: "a", end: "h" }, { start: "h", end: "o" }, { start: "o" }]);
    const report = skewReport(partitioner, [
      { key: "apple", bytes: 1 },
      { key: "kiwi", bytes: 30 },
      { key: "lime", bytes: 1 },
      { key: "plum", bytes: 31 },
    ]);
    expect(report.hottestByKeys.partition).toBe(1);
    expect(report.hottestByBytes.partition).toBe(1);
    expect(report.hottestByBytes.share).toBeCloseTo(31 / 63, 12);
  });

  test("malformed records are refused with INVALID_RECORD, naming the record", () => {
    const partitioner = new HashPartitioner(2);
    expect(codeOf(PartitionError, () => skewReport(partitioner, "a" as unknown as KeyRecord[]))).toBe("INVALID_RECORD");
    expect(messageOf(() => skewReport(partitioner, { key: "a" } as unknown as KeyRecord[]))).toContain('{"key":"a"}');
    for (const bad of [
      null,
      7,
      { key: "b" },
      { key: "b", bytes: Number.POSITIVE_INFINITY },
      { key: "b", bytes: 2 ** 53 },
    ]) {
      const records = [{ key: "a", bytes: 1 }, bad] as KeyRecord[];
      expect(codeOf(PartitionError, () => skewReport(partitioner, records))).toBe("INVALID_RECORD");
      expect(messageOf(() => skewReport(partitioner, records))).toMatch(/record 1\b/);
    }
    const notAnObject = messageOf(() => skewReport(partitioner, [{ key: "a", bytes: 1 }, 7 as unknown as KeyRecord]));
    ensure(
      /\b7\b/.test(notAnObject) && /object/i.test(notAnObject),
      `a report whose record 1 is the number 7 said ${JSON.stringify(notAnObject)}: say a record must be an object, and show the 7`,
    );
    expect(codeOf(PartitionError, () => skewReport(partitioner, [{ key: 5, bytes: 1 } as unknown as KeyRecord]))).toBe(
      "INVALID_KEY",
    );
    expect(skewReport(partitioner, [{ key: "a", bytes: 2 ** 53 - 1 }]).totalBytes).toBe(2 ** 53 - 1);
  });
});
