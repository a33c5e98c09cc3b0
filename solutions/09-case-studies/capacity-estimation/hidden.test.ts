/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import { codeOf, ensure, messageOf as messageOfError } from "#kata/testing";
import { CapacityError } from "./src/errors";
import {
  allowedDowntime,
  bandwidthNeeded,
  cacheSize,
  dailyTraffic,
  DataRate,
  DataSize,
  Duration,
  estimateSystem,
  ratePerSecond,
  readTraffic,
  serversNeeded,
  storageNeeded,
  userTraffic,
  type DurationUnit,
  type RateUnit,
  type SizeUnit,
  type SystemSpec,
  type Traffic,
} from "./src/capacity-estimation";

const messageOf = (act: () => unknown): string => messageOfError(CapacityError, act);

/** What a call throws, for a failure message: its code, or that it threw something else or nothing. */
function outcome(act: () => unknown): string {
  try {
    return `returned ${String(act())}`;
  } catch (error) {
    return error instanceof CapacityError ? `threw ${error.code}` : `threw ${String(error)}`;
  }
}

const any = <T>(value: unknown): T => value as T;

describe("hidden: units are looked up, not guessed", () => {
  test.each(["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"])(
    "%p is not a unit of any kind, though every object has it",
    (name) => {
      for (const [kind, act] of [
        ["DataSize.of", () => DataSize.of(1, any<SizeUnit>(name))],
        ["DataRate.of", () => DataRate.of(1, any<RateUnit>(name))],
        ["Duration.of", () => Duration.of(1, any<DurationUnit>(name))],
        ["DataSize.in", () => DataSize.of(1, "MB").in(any<SizeUnit>(name))],
        ["DataRate.in", () => DataRate.of(1, "Mbit/s").in(any<RateUnit>(name))],
        ["Duration.in", () => Duration.of(1, "days").in(any<DurationUnit>(name))],
      ] as const) {
        const got = outcome(act);
        ensure(
          got === "threw UNKNOWN_UNIT",
          `${kind}(…, ${JSON.stringify(name)}) ${got}; it must throw UNKNOWN_UNIT. Look a unit up in the table's own keys ` +
            "(Object.hasOwn or a Map), not with `in` or a plain index, which also find what every object inherits.",
        );
      }
    },
  );

  test("a unit must be the string itself: an array that prints as MB, or no unit at all, is refused", () => {
    expect(codeOf(CapacityError, () => DataSize.of(1, any<SizeUnit>(["MB"])))).toBe("UNKNOWN_UNIT");
    expect(codeOf(CapacityError, () => DataSize.of(1, any<SizeUnit>(undefined)))).toBe("UNKNOWN_UNIT");
    expect(messageOf(() => DataSize.of(1, any<SizeUnit>(undefined)))).toMatch(/undefined/);
  });

  test("singular and lower-case spellings are not units: days, not day; MB, not mb", () => {
    expect(codeOf(CapacityError, () => Duration.of(1, any<DurationUnit>("day")))).toBe("UNKNOWN_UNIT");
    expect(codeOf(CapacityError, () => Duration.of(1, any<DurationUnit>("sec")))).toBe("UNKNOWN_UNIT");
    expect(codeOf(CapacityError, () => DataSize.of(1, any<SizeUnit>("mb")))).toBe("UNKNOWN_UNIT");
    expect(codeOf(CapacityError, () => DataRate.of(1, any<RateUnit>("Mbps")))).toBe("UNKNOWN_UNIT");
  });

  test("an unknown unit's message names it and lists the units of its kind", () => {
    const size = messageOf(() => DataSize.of(1, any<SizeUnit>("Mb")));
    for (const word of ['"Mb"', "B", "KB", "EB", "KiB", "EiB", "1,000", "1,024"]) expect(size).toContain(word);
    const duration = messageOf(() => Duration.of(1, any<DurationUnit>("day")));
    for (const word of ['"day"', "seconds", "days", "weeks", "months", "years", "30 days", "365"])
      expect(duration).toContain(word);
    const rate = messageOf(() => DataRate.of(1, any<RateUnit>("Gbps")));
    for (const word of ['"Gbps"', "bit/s", "Tbit/s", "TB/s", "8 times"]) expect(rate).toContain(word);
    // Each message says which kind of unit was expected, and lists the units one by one.
    expect(size).toMatch(/unknown size unit.*B, KB, MB/);
    expect(rate).toMatch(/unknown rate unit.*bit\/s, kbit\/s/);
    expect(duration).toMatch(/unknown duration unit.*seconds, minutes/);
  });
});

describe("hidden: conversions", () => {
  test("a size over a period and back: a rate over the same period gives the size again", () => {
    const day = Duration.of(1, "days");
    const size = DataSize.of(3.5, "TB");
    expect(size.per(day).over(day).in("TB")).toBeCloseTo(3.5, 9);
    expect(DataRate.of(1, "Gbit/s").over(Duration.of(1, "seconds")).in("MB")).toBeCloseTo(125, 9);
    expect(DataRate.of(1, "Gbit/s").over(Duration.of(0, "days")).in("B")).toBe(0);
    expect(DataSize.of(60, "MB").per(Duration.of(1, "minutes")).in("Mbit/s")).toBeCloseTo(8, 9);
  });

  test("sizes, rates and durations of 0 are values like any other", () => {
    expect(DataSize.of(0, "EB").in("B")).toBe(0);
    expect(DataSize.of(5, "GB").times(0).in("B")).toBe(0);
    expect(Duration.of(0, "years").in("seconds")).toBe(0);
    expect(DataRate.of(0, "Tbit/s").times(5).in("bit/s")).toBe(0);
  });

  test("every duration unit in seconds", () => {
    const expected: [DurationUnit, number][] = [
      ["seconds", 1],
      ["minutes", 60],
      ["hours", 3_600],
      ["days", 86_400],
      ["weeks", 604_800],
      ["months", 2_592_000],
      ["years", 31_536_000],
    ];
    for (const [unit, seconds] of expected)
      expect([unit, Duration.of(2, unit).in("seconds")]).toEqual([unit, 2 * seconds]);
  });
});

describe("hidden: toString at the edges of each unit", () => {
  test.each([
    ["999 B", () => DataSize.of(999, "B")],
    ["1 KB", () => DataSize.of(1_000, "B")],
    ["0.5 B", () => DataSize.of(0.5, "B")],
    ["2 PB", () => DataSize.of(2, "PB")],
    ["1.1 TB", () => DataSize.of(1, "TiB")],
    ["5000 EB", () => DataSize.of(5_000, "EB")],
    ["1 bit/s", () => DataRate.of(1, "bit/s")],
    ["1 Tbit/s", () => DataRate.of(1, "Tbit/s")],
    ["999 kbit/s", () => DataRate.of(999, "kbit/s")],
    ["8 Tbit/s", () => DataRate.of(1, "TB/s")],
    ["1 second", () => Duration.of(1, "seconds")],
    ["59 seconds", () => Duration.of(59, "seconds")],
    ["0 seconds", () => Duration.of(0, "hours")],
    ["1 minute", () => Duration.of(60, "seconds")],
    ["1 year", () => Duration.of(365, "days")],
    ["14 days", () => Duration.of(2, "weeks")],
    ["10 years", () => Duration.of(10, "years")],
  ] as const)("%s", (expected, make) => {
    expect(String(make())).toBe(expected);
  });
});

describe("hidden: traffic", () => {
  test("no users, or no actions, is no traffic; a fraction of an action a day is allowed", () => {
    const none = userTraffic({ dailyActiveUsers: 0, perUserPerDay: 10, peakFactor: 5 });
    expect([none.perDay, none.averagePerSecond, none.peakPerSecond]).toEqual([0, 0, 0]);
    const weekly = userTraffic({ dailyActiveUsers: 86_400, perUserPerDay: 0.5, peakFactor: 2 });
    expect([weekly.perDay, weekly.averagePerSecond, weekly.peakPerSecond]).toEqual([43_200, 0.5, 1]);
  });

  test("the worked example's ride-sharing figures: 10 million rides a day, a million drivers every 20 seconds", () => {
    expect(dailyTraffic({ perDay: 10_000_000, peakFactor: 1 }).averagePerSecond).toBeCloseTo(115.74, 2);
    // 1M drivers x 3 updates a minute: 50,000 a second while all of them drive, the peak, not a daily average.
    expect(ratePerSecond(1_000_000 * 3, Duration.of(1, "minutes"))).toBe(50_000);
    expect(dailyTraffic({ perDay: 4_320_000_000, peakFactor: 1 }).averagePerSecond).toBe(50_000);
  });

  test("a ratio below 1 makes fewer reads than writes", () => {
    const writes = dailyTraffic({ perDay: 8_640_000, peakFactor: 2 });
    const reads = readTraffic(writes, 0.5);
    expect([reads.perDay, reads.averagePerSecond, reads.peakPerSecond]).toEqual([4_320_000, 50, 100]);
  });

  test("the peak factor may be exactly 1, not less", () => {
    expect(dailyTraffic({ perDay: 100, peakFactor: 1 }).peakPerSecond).toBeCloseTo(100 / 86_400, 12);
    expect(codeOf(CapacityError, () => dailyTraffic({ perDay: 100, peakFactor: 0.999 }))).toBe("INVALID_PEAK_FACTOR");
    expect(codeOf(CapacityError, () => dailyTraffic({ perDay: 100, peakFactor: Infinity }))).toBe(
      "INVALID_PEAK_FACTOR",
    );
    const message = messageOf(() => dailyTraffic({ perDay: 100, peakFactor: 0.5 }));
    expect(message).toMatch(/peakFactor/);
    expect(message).toMatch(/0\.5/);
    expect(message).toMatch(/1 or more/);
  });

  test("traffic made by hand is checked: a peak below its average, or a negative count, is refused", () => {
    const upsideDown: Traffic = { perDay: 100, averagePerSecond: 10, peakPerSecond: 5 };
    expect(codeOf(CapacityError, () => readTraffic(upsideDown, 2))).toBe("INVALID_PEAK_FACTOR");
    expect(messageOf(() => readTraffic(upsideDown, 2))).toMatch(/writes\.peakPerSecond.*5.*10/);
    expect(codeOf(CapacityError, () => bandwidthNeeded(upsideDown, DataSize.of(1, "KB")))).toBe("INVALID_PEAK_FACTOR");
    expect(codeOf(CapacityError, () => serversNeeded({ traffic: upsideDown, perServerPerSecond: 1 }))).toBe(
      "INVALID_PEAK_FACTOR",
    );
    const level: Traffic = { perDay: 100, averagePerSecond: 10, peakPerSecond: 10 };
    expect(readTraffic(level, 2).peakPerSecond).toBe(20);
    for (const field of ["perDay", "averagePerSecond", "peakPerSecond"] as const) {
      const bad = { ...level, [field]: -1 };
      expect(codeOf(CapacityError, () => readTraffic(bad, 2))).toBe("INVALID_QUANTITY");
      expect(messageOf(() => readTraffic(bad, 2))).toContain(`writes.${field}`);
    }
  });
});

describe("hidden: storage, bandwidth, cache", () => {
  test("a retention of 0 keeps nothing, however much is written", () => {
    const storage = storageNeeded({
      writesPerDay: 1_000,
      writeSize: DataSize.of(1, "MB"),
      replicationFactor: 3,
      retention: Duration.of(0, "days"),
    });
    expect(storage.perDay.in("GB")).toBeCloseTo(1, 12);
    expect(storage.perDayReplicated.in("GB")).toBeCloseTo(3, 12);
    expect([storage.retained.in("B"), storage.total.in("B")]).toEqual([0, 0]);
  });

  test("retention in hours counts the fraction of a day", () => {
    const storage = storageNeeded({
      writesPerDay: 1_000,
      writeSize: DataSize.of(1, "MB"),
      replicationFactor: 2,
      retention: Duration.of(36, "hours"),
    });
    expect(storage.retained.in("GB")).toBeCloseTo(1.5, 12);
    expect(storage.total.in("GB")).toBeCloseTo(3, 12);
  });

  test("the same input twice gives the same estimate: nothing it was given has changed", () => {
    const photo = DataSize.of(2, "MB");
    const input = {
      writesPerDay: 500_000_000,
      writeSize: photo,
      replicationFactor: 3,
      retention: Duration.of(1, "years"),
    };
    const first = storageNeeded(input).total.in("PB");
    const second = storageNeeded(input).total.in("PB");
    ensure(
      first === second && photo.in("MB") === 2,
      `storageNeeded gave ${first} PB, then ${second} PB for the same input, and the photo now measures ${photo.in("MB")} MB: ` +
        "an estimate changed the DataSize it was given. Quantities are values; times must return a new one.",
    );
  });

  test("a hot fraction of 1 caches the whole day's reads", () => {
    expect(cacheSize({ readsPerDay: 1_000, readSize: DataSize.of(1, "MB"), hotFraction: 1 }).in("GB")).toBeCloseTo(
      1,
      12,
    );
    expect(cacheSize({ readsPerDay: 0, readSize: DataSize.of(1, "MB") }).in("B")).toBe(0);
  });

  test("a steady load's peak bandwidth is its average", () => {
    const steady = dailyTraffic({ perDay: 86_400, peakFactor: 1 });
    const bandwidth = bandwidthNeeded(steady, DataSize.of(1, "MB"));
    expect(bandwidth.average.in("Mbit/s")).toBeCloseTo(8, 12);
    expect(bandwidth.peak.in("Mbit/s")).toBeCloseTo(8, 12);
  });
});

describe("hidden: servers", () => {
  test("an exact multiple at a target utilisation: a peak of 300 at 100 each, used to 75%, needs 4", () => {
    const steady = dailyTraffic({ perDay: 8_640_000, peakFactor: 3 });
    expect(serversNeeded({ traffic: steady, perServerPerSecond: 100, targetUtilisation: 0.75 })).toBe(4);
    expect(serversNeeded({ traffic: steady, perServerPerSecond: 100, targetUtilisation: 1 })).toBe(3);
    expect(serversNeeded({ traffic: steady, perServerPerSecond: 299 })).toBe(2);
    expect(serversNeeded({ traffic: steady, perServerPerSecond: 301 })).toBe(1);
  });

  test("no traffic needs no server", () => {
    const none = dailyTraffic({ perDay: 0, peakFactor: 1 });
    expect(serversNeeded({ traffic: none, perServerPerSecond: 100 })).toBe(0);
  });

  test("a capacity or a utilisation that is not a number above 0 is refused, by name", () => {
    const traffic = dailyTraffic({ perDay: 100, peakFactor: 2 });
    for (const perServerPerSecond of [-5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(CapacityError, () => serversNeeded({ traffic, perServerPerSecond }))).toBe("INVALID_CAPACITY");
    }
    expect(messageOf(() => serversNeeded({ traffic, perServerPerSecond: -5 }))).toMatch(
      /perServerPerSecond.*above 0.*-5/,
    );
    for (const targetUtilisation of [0, -0.5, Number.NaN, any<number>("0.7")]) {
      expect(codeOf(CapacityError, () => serversNeeded({ traffic, perServerPerSecond: 10, targetUtilisation }))).toBe(
        "INVALID_FRACTION",
      );
    }
    expect(messageOf(() => serversNeeded({ traffic, perServerPerSecond: 10, targetUtilisation: 0 }))).toMatch(
      /targetUtilisation.*at most 1/,
    );
  });
});

describe("hidden: availability", () => {
  test("five nines allow about 5.26 minutes a year", () => {
    expect(allowedDowntime(0.99999, Duration.of(1, "years")).in("minutes")).toBeCloseTo(5.256, 6);
    expect(allowedDowntime(0.5, Duration.of(1, "weeks")).in("days")).toBeCloseTo(3.5, 12);
  });

  test("a percentage is refused with the fraction to pass; other values out of range are refused plainly", () => {
    expect(messageOf(() => allowedDowntime(99.99, Duration.of(1, "years")))).toMatch(/percentage.*0\.9999\b/);
    expect(messageOf(() => allowedDowntime(100, Duration.of(1, "years")))).toMatch(/percentage.*pass 1\b/);
    for (const availability of [-0.1, 150, 1.0001, Number.NaN, any<number>("0.999")]) {
      expect(codeOf(CapacityError, () => allowedDowntime(availability, Duration.of(1, "years")))).toBe(
        "INVALID_AVAILABILITY",
      );
    }
    expect(messageOf(() => allowedDowntime(-0.1, Duration.of(1, "years")))).not.toMatch(/percentage/);
    expect(messageOf(() => allowedDowntime(150, Duration.of(1, "years")))).not.toMatch(/percentage/);
    expect(messageOf(() => allowedDowntime(150, Duration.of(1, "years")))).toMatch(/0\.999/);
  });

  test("the period must be a Duration", () => {
    expect(codeOf(CapacityError, () => allowedDowntime(0.999, any<Duration>(365)))).toBe("WRONG_TYPE");
    expect(messageOf(() => allowedDowntime(0.999, any<Duration>(365)))).toMatch(/period.*Duration.*bare number 365/);
  });
});

describe("hidden: wrong types and their messages", () => {
  test("each argument that carries a unit refuses a bare number, naming the argument", () => {
    const cases: [string, () => unknown][] = [
      ["period", () => ratePerSecond(10, any<Duration>(86_400))],
      ["DataSize.per", () => DataSize.of(1, "GB").per(any<Duration>(1))],
      ["DataRate.over", () => DataRate.of(1, "Gbit/s").over(any<Duration>(1))],
      [
        "retention",
        () =>
          storageNeeded({
            writesPerDay: 1,
            writeSize: DataSize.of(1, "B"),
            replicationFactor: 1,
            retention: any<Duration>(7),
          }),
      ],
      ["perEvent", () => bandwidthNeeded(dailyTraffic({ perDay: 1, peakFactor: 1 }), any<DataSize>(1_000))],
      ["readSize", () => cacheSize({ readsPerDay: 1, readSize: any<DataSize>(100) })],
    ];
    for (const [name, act] of cases) {
      expect([name, codeOf(CapacityError, act)]).toEqual([name, "WRONG_TYPE"]);
      expect(messageOf(act)).toContain(name);
      expect(messageOf(act)).toMatch(/bare number/);
    }
  });

  test("another kind of quantity, or null, is named for what it is", () => {
    const asPeriod = messageOf(() => DataSize.of(1, "GB").per(any<Duration>(DataSize.of(1, "GB"))));
    expect(asPeriod).toMatch(/Duration.*got a DataSize/);
    const nothing = messageOf(() => cacheSize({ readsPerDay: 1, readSize: any<DataSize>(null) }));
    expect(nothing).toMatch(/readSize must be a DataSize.*got null/);
    expect(
      messageOf(() => bandwidthNeeded(dailyTraffic({ perDay: 1, peakFactor: 1 }), any<DataSize>("2 MB"))),
    ).toContain('"2 MB"');
  });

  test("each number argument names itself when refused", () => {
    const cases: [string, string, () => unknown][] = [
      ["count", "INVALID_QUANTITY", () => ratePerSecond(-1, Duration.of(1, "days"))],
      ["perDay", "INVALID_QUANTITY", () => dailyTraffic({ perDay: -1, peakFactor: 1 })],
      [
        "perUserPerDay",
        "INVALID_QUANTITY",
        () => userTraffic({ dailyActiveUsers: 1, perUserPerDay: -1, peakFactor: 1 }),
      ],
      [
        "writesPerDay",
        "INVALID_QUANTITY",
        () =>
          storageNeeded({
            writesPerDay: -1,
            writeSize: DataSize.of(1, "B"),
            replicationFactor: 1,
            retention: Duration.of(1, "days"),
          }),
      ],
      ["readsPerDay", "INVALID_QUANTITY", () => cacheSize({ readsPerDay: -1, readSize: DataSize.of(1, "B") })],
      ["DataSize.times", "INVALID_QUANTITY", () => DataSize.of(1, "B").times(Number.NaN)],
      ["DataRate.times", "INVALID_QUANTITY", () => DataRate.of(1, "bit/s").times(-1)],
      ["DataRate.of", "INVALID_QUANTITY", () => DataRate.of(-1, "bit/s")],
      ["Duration.of", "INVALID_QUANTITY", () => Duration.of(-1, "days")],
      ["DataSize.of", "INVALID_QUANTITY", () => DataSize.of(any<number>("2"), "MB")],
      [
        "replicationFactor",
        "INVALID_REPLICATION",
        () =>
          storageNeeded({
            writesPerDay: 1,
            writeSize: DataSize.of(1, "B"),
            replicationFactor: any<number>("3"),
            retention: Duration.of(1, "days"),
          }),
      ],
      [
        "readsPerWrite",
        "INVALID_RATIO",
        () => readTraffic(dailyTraffic({ perDay: 1, peakFactor: 1 }), Number.POSITIVE_INFINITY),
      ],
      [
        "hotFraction",
        "INVALID_FRACTION",
        () => cacheSize({ readsPerDay: 1, readSize: DataSize.of(1, "B"), hotFraction: any<number>("0.2") }),
      ],
    ];
    for (const [name, code, act] of cases) {
      expect([name, codeOf(CapacityError, act)]).toEqual([name, code]);
      expect(messageOf(act)).toContain(name);
    }
  });

  test("the messages say what is allowed", () => {
    expect(messageOf(() => DataSize.of(-3, "MB"))).toMatch(/finite number, 0 or more.*-3/);
    expect(messageOf(() => readTraffic(dailyTraffic({ perDay: 1, peakFactor: 1 }), 0))).toMatch(
      /readsPerWrite.*above 0.*got 0/,
    );
    expect(
      messageOf(() =>
        storageNeeded({
          writesPerDay: 1,
          writeSize: DataSize.of(1, "B"),
          replicationFactor: 2.5,
          retention: Duration.of(1, "days"),
        }),
      ),
    ).toMatch(/replicationFactor.*whole number.*2\.5/);
    expect(messageOf(() => cacheSize({ readsPerDay: 1, readSize: DataSize.of(1, "B"), hotFraction: 2 }))).toMatch(
      /hotFraction.*at most 1.*80\/20.*got 2/,
    );
    expect(messageOf(() => ratePerSecond(1, Duration.of(0, "days")))).toMatch(/period is 0 seconds/);
    expect(messageOf(() => DataSize.of(1, "B").per(Duration.of(0, "days")))).toMatch(/DataSize\.per.*0 seconds/);
    expect(messageOf(() => ratePerSecond(1, any<Duration>(5)))).toMatch(/Duration\.of/);
    expect(messageOf(() => DataSize.of(1, "B").per(any<Duration>(5)))).toMatch(/must be a Duration.*Duration\.of/);
    expect(messageOf(() => allowedDowntime(0.999, any<Duration>(5)))).toMatch(/period must be a Duration/);
    expect(messageOf(() => allowedDowntime(2, Duration.of(1, "years")))).toMatch(/^availability must be/);
    expect(messageOf(() => cacheSize({ readsPerDay: 1, readSize: any<DataSize>(5) }))).toContain(
      'DataSize.of(2, "MB")',
    );
    expect(messageOf(() => DataSize.of(Number.NaN, "MB"))).toMatch(/got NaN/);
    const traffic = dailyTraffic({ perDay: 100, peakFactor: 2 });
    expect(messageOf(() => serversNeeded({ traffic, perServerPerSecond: 1, targetUtilisation: 2 }))).toMatch(
      /headroom/,
    );
    const upsideDown = { perDay: 1, averagePerSecond: 2, peakPerSecond: 1 };
    expect(messageOf(() => serversNeeded({ traffic: upsideDown, perServerPerSecond: 1 }))).toContain(
      "traffic.peakPerSecond",
    );
    expect(messageOf(() => bandwidthNeeded(upsideDown, DataSize.of(1, "B")))).toContain("traffic.peakPerSecond");
  });
});

describe("hidden: the whole estimate", () => {
  function spec(): SystemSpec {
    return {
      dailyActiveUsers: 1_000_000,
      writesPerUserPerDay: 2,
      readsPerWrite: 50,
      peakFactor: 4,
      writeSize: DataSize.of(500, "KB"),
      readSize: DataSize.of(20, "KB"),
      replicationFactor: 2,
      retention: Duration.of(30, "days"),
      hotFraction: 0.1,
    };
  }

  test("every figure of a small product", () => {
    const estimate = estimateSystem(spec());
    expect(estimate.writes.perDay).toBe(2_000_000);
    expect(estimate.reads.perDay).toBe(100_000_000);
    expect(estimate.reads.peakPerSecond).toBeCloseTo((100_000_000 / 86_400) * 4, 9);
    expect(estimate.storage.perDay.in("GB")).toBeCloseTo(1_000, 9);
    expect(estimate.storage.perDayReplicated.in("GB")).toBeCloseTo(2_000, 9);
    expect(estimate.storage.retained.in("TB")).toBeCloseTo(30, 9);
    expect(estimate.storage.total.in("TB")).toBeCloseTo(60, 9);
    expect(estimate.ingress.average.in("Mbit/s")).toBeCloseTo((1e12 * 8) / 86_400 / 1e6, 6);
    expect(estimate.ingress.peak.in("Mbit/s")).toBeCloseTo(((1e12 * 8) / 86_400 / 1e6) * 4, 6);
    expect(estimate.egress.average.in("Mbit/s")).toBeCloseTo((2e12 * 8) / 86_400 / 1e6, 6);
    expect(estimate.egress.peak.in("Mbit/s")).toBeCloseTo(((2e12 * 8) / 86_400 / 1e6) * 4, 6);
    // 10% of a day's 100 million reads of 20 KB: 200 GB. Not 10% of 30 TB stored.
    expect(estimate.cache.in("GB")).toBeCloseTo(200, 9);
  });

  test("the spec's own names are in its errors", () => {
    const bad =
      (change: Partial<SystemSpec>): (() => unknown) =>
      () =>
        estimateSystem({ ...spec(), ...change });
    expect(messageOf(bad({ writesPerUserPerDay: -1 }))).toContain("writesPerUserPerDay");
    expect(messageOf(bad({ dailyActiveUsers: -1 }))).toContain("dailyActiveUsers");
    expect(codeOf(CapacityError, bad({ readsPerWrite: 0 }))).toBe("INVALID_RATIO");
    expect(codeOf(CapacityError, bad({ peakFactor: 0.9 }))).toBe("INVALID_PEAK_FACTOR");
    expect(codeOf(CapacityError, bad({ replicationFactor: 0 }))).toBe("INVALID_REPLICATION");
    expect(codeOf(CapacityError, bad({ hotFraction: 0 }))).toBe("INVALID_FRACTION");
    expect(messageOf(bad({ writeSize: any<DataSize>(5) }))).toContain("writeSize");
    expect(messageOf(bad({ readSize: any<DataSize>(5) }))).toContain("readSize");
    expect(messageOf(bad({ retention: any<Duration>(5) }))).toContain("retention");
  });
});
