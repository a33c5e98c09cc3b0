import fc from "fast-check";
import { codeOf, ensure, propertySettings, messageOf as messageOfError } from "#kata/testing";
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
  type RateUnit,
  type SizeUnit,
  type SystemSpec,
} from "./src/capacity-estimation";

/** Equal to within a relative `tolerance` (floating point: 0.1 + 0.2 is not 0.3). */
function near(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** A figure for a message: 5787.037 -> "5,787.04". */
function fig(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

const messageOf = (act: () => unknown): string => messageOfError(CapacityError, act);

/** The worked example's photo-sharing app: 50M daily users, 500M photos a day of 2 MB, 3 copies kept 7 years. */
function photoApp(): SystemSpec {
  return {
    dailyActiveUsers: 50_000_000,
    writesPerUserPerDay: 10,
    readsPerWrite: 10, // 5 billion feed requests a day over 500 million uploads
    peakFactor: 10,
    writeSize: DataSize.of(2, "MB"),
    readSize: DataSize.of(10, "KB"), // one feed page of captions, counts and links, the photos go through a CDN
    replicationFactor: 3,
    retention: Duration.of(7, "years"),
  };
}

/** The worked chat app: 500M daily users sending 40 messages of 100 bytes, read 200 times each, kept 5 years. */
function chatApp(): SystemSpec {
  return {
    dailyActiveUsers: 500_000_000,
    writesPerUserPerDay: 40,
    readsPerWrite: 200,
    peakFactor: 3,
    writeSize: DataSize.of(100, "B"),
    readSize: DataSize.of(100, "B"),
    replicationFactor: 3,
    retention: Duration.of(5, "years"),
  };
}

describe("sizes: SI prefixes are powers of 1,000, IEC prefixes powers of 1,024", () => {
  test("500 million photos of 2 MB are exactly 1 PB", () => {
    const day = DataSize.of(2, "MB").times(500_000_000);
    const petabytes = day.in("PB");
    ensure(
      near(petabytes, 1),
      `500 million photos of 2 MB came to ${petabytes} PB. SI prefixes are powers of 1,000 (1 MB = 10^6 bytes, 1 PB = 10^15), ` +
        "so it is exactly 1 PB: 10^15 bytes. Powers of 1,024 belong to MiB and PiB.",
    );
    expect(day.in("B")).toBe(1e15);
    expect(day.in("TB")).toBeCloseTo(1_000, 9);
  });

  test("every SI size unit is a power of 1,000 bytes", () => {
    const expected: [SizeUnit, number][] = [
      ["B", 1],
      ["KB", 1e3],
      ["MB", 1e6],
      ["GB", 1e9],
      ["TB", 1e12],
      ["PB", 1e15],
      ["EB", 1e18],
    ];
    for (const [unit, bytes] of expected) {
      const got = DataSize.of(1, unit).in("B");
      ensure(
        near(got, bytes),
        `1 ${unit} came to ${fig(got)} bytes; it is ${fig(bytes)}: SI prefixes are powers of 1,000 (KiB, MiB, GiB use 1,024).`,
      );
    }
  });

  test("every IEC size unit is a power of 1,024 bytes", () => {
    const expected: [SizeUnit, number][] = [
      ["KiB", 2 ** 10],
      ["MiB", 2 ** 20],
      ["GiB", 2 ** 30],
      ["TiB", 2 ** 40],
      ["PiB", 2 ** 50],
      ["EiB", 2 ** 60],
    ];
    for (const [unit, bytes] of expected) {
      const got = DataSize.of(1, unit).in("B");
      ensure(
        near(got, bytes),
        `1 ${unit} came to ${fig(got)} bytes; it is ${fig(bytes)}, 1,024 to the power of its prefix.`,
      );
    }
    // The gap that makes a "1 TB" disk show as 931 GiB.
    expect(DataSize.of(1, "TB").in("GiB")).toBeCloseTo(931.3225746, 6);
    expect(DataSize.of(1, "MiB").in("MB")).toBeCloseTo(1.048576, 12);
  });

  test("converting to a unit and back gives the value again, for every unit", () => {
    const units: SizeUnit[] = ["B", "KB", "MB", "GB", "TB", "PB", "EB", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom(...units),
        fc.constantFrom(...units),
        (value, from, to) => {
          const size = DataSize.of(value, from);
          return near(DataSize.of(size.in(to), to).in(from), value);
        },
      ),
      propertySettings(),
    );
  });
});

describe("rates: bits and bytes", () => {
  test("a byte is 8 bits: 1 MB/s is 8 Mbit/s", () => {
    const megabits = DataRate.of(1, "MB/s").in("Mbit/s");
    ensure(
      near(megabits, 8),
      `DataRate.of(1, "MB/s").in("Mbit/s") gave ${megabits}; a byte is 8 bits, so 1 MB/s is 8 Mbit/s. ` +
        "Sizes are counted in bytes (B), network rates in bits (bit): a 1 Gbit/s link moves 125 MB/s, not 1 GB/s.",
    );
    expect(DataRate.of(1, "Gbit/s").in("MB/s")).toBeCloseTo(125, 9);
  });

  test("every rate unit in bits per second", () => {
    const expected: [RateUnit, number][] = [
      ["bit/s", 1],
      ["kbit/s", 1e3],
      ["Mbit/s", 1e6],
      ["Gbit/s", 1e9],
      ["Tbit/s", 1e12],
      ["B/s", 8],
      ["KB/s", 8e3],
      ["MB/s", 8e6],
      ["GB/s", 8e9],
      ["TB/s", 8e12],
    ];
    for (const [unit, bits] of expected) {
      const got = DataRate.of(1, unit).in("bit/s");
      ensure(
        near(got, bits),
        `1 ${unit} came to ${fig(got)} bit/s; it is ${fig(bits)}: network prefixes are powers of 1,000, and a byte (B) is 8 bits.`,
      );
    }
  });

  test("1 PB a day is about 92.6 Gbit/s: a size per a period is a rate, in bits", () => {
    const rate = DataSize.of(1, "PB").per(Duration.of(1, "days"));
    const gigabits = rate.in("Gbit/s");
    ensure(
      near(gigabits, (1e15 * 8) / 86_400 / 1e9),
      `1 PB a day came to ${fig(gigabits)} Gbit/s; it is 10^15 bytes x 8 bits / 86,400 seconds = 92.59 Gbit/s ` +
        "(11.57 GB/s). A byte is 8 bits: forget the 8 and every link looks 8 times bigger than it is.",
    );
    expect(rate.in("GB/s")).toBeCloseTo(11.574074, 5);
  });

  test("a rate over a period is the data it moves: 10 Gbit/s for an hour is 4.5 TB", () => {
    const moved = DataRate.of(10, "Gbit/s").over(Duration.of(1, "hours"));
    expect(moved.in("TB")).toBeCloseTo(4.5, 9);
    expect(DataRate.of(10, "Gbit/s").times(3).in("Gbit/s")).toBeCloseTo(30, 9);
  });
});

describe("durations", () => {
  test("a day is 86,400 seconds; a week 7 days, a month 30, a year 365", () => {
    const seconds = Duration.of(1, "days").in("seconds");
    ensure(
      seconds === 86_400,
      `a day came to ${fig(seconds)} seconds; it is 86,400 seconds (24 x 60 x 60). ` +
        "100,000 is a rounding for mental arithmetic: used in a calculator it understates every per-second rate by 14%.",
    );
    expect(Duration.of(1, "minutes").in("seconds")).toBe(60);
    expect(Duration.of(1, "hours").in("minutes")).toBe(60);
    expect(Duration.of(1, "weeks").in("days")).toBe(7);
    expect(Duration.of(1, "months").in("days")).toBe(30);
    expect(Duration.of(1, "years").in("days")).toBe(365);
    expect(Duration.of(1, "years").in("hours")).toBe(8_760);
  });
});

describe("quantities are values", () => {
  test("times returns a new quantity and leaves the one it was called on as it was", () => {
    const photo = DataSize.of(2, "MB");
    const day = photo.times(500_000_000);
    const photoAfter = photo.in("MB");
    ensure(
      photoAfter === 2,
      `after photo.times(500_000_000), the photo itself measured ${fig(photoAfter)} MB: times changed the DataSize it was called on. ` +
        "A quantity is a value, like a number: times returns a new one, so a photo's size used for storage is still 2 MB when bandwidth uses it.",
    );
    expect(day.in("PB")).toBeCloseTo(1, 12);
    const link = DataRate.of(10, "Gbit/s");
    link.times(4);
    expect(link.in("Gbit/s")).toBe(10);
  });

  test("toString gives the largest unit reached, to 3 significant digits", () => {
    expect(DataSize.of(1, "PB").toString()).toBe("1 PB");
    expect(DataSize.of(2_555, "PB").toString()).toBe("2.56 EB");
    expect(DataSize.of(1_536, "B").toString()).toBe("1.54 KB");
    expect(DataSize.of(0, "GB").toString()).toBe("0 B");
    expect(DataSize.of(1, "PB").per(Duration.of(1, "days")).toString()).toBe("92.6 Gbit/s");
    expect(DataRate.of(1, "MB/s").toString()).toBe("8 Mbit/s");
    expect(Duration.of(8.76, "hours").toString()).toBe("8.76 hours");
    expect(Duration.of(90, "seconds").toString()).toBe("1.5 minutes");
    expect(Duration.of(24, "hours").toString()).toBe("1 day");
    expect(Duration.of(730, "days").toString()).toBe("2 years");
  });
});

describe("traffic: a day's events to events a second, average and peak", () => {
  test("500 million photos a day is about 5,787 a second; a peak factor of 10 makes it 57,870", () => {
    const photos = dailyTraffic({ perDay: 500_000_000, peakFactor: 10 });
    ensure(
      near(photos.averagePerSecond, 500_000_000 / 86_400),
      `500 million a day came to ${fig(photos.averagePerSecond)} a second; a day is 86,400 seconds, so it is 5,787.04 a second ` +
        "(about 6K: the worked example's figure).",
    );
    ensure(
      near(photos.peakPerSecond, (500_000_000 / 86_400) * 10),
      `with peakFactor 10 the peak came to ${fig(photos.peakPerSecond)} a second; the peak is the average times the peak factor, 57,870.37.`,
    );
    expect(photos.perDay).toBe(500_000_000);
  });

  test("the worked example's feed: 5 billion requests a day is about 57,870 a second, 578,704 at a tenfold peak", () => {
    const feed = dailyTraffic({ perDay: 5_000_000_000, peakFactor: 10 });
    expect(feed.averagePerSecond).toBeCloseTo(57_870.37, 2);
    expect(feed.peakPerSecond).toBeCloseTo(578_703.7, 1);
  });

  test("a peak factor of 1 makes the peak the average", () => {
    const steady = dailyTraffic({ perDay: 8_640_000, peakFactor: 1 });
    expect(steady.averagePerSecond).toBe(100);
    expect(steady.peakPerSecond).toBe(100);
  });

  test("users x actions: the worked example's 500M users x 40 messages = 20 billion a day, about 231,481 a second", () => {
    const messages = userTraffic({ dailyActiveUsers: 500_000_000, perUserPerDay: 40, peakFactor: 3 });
    expect(messages.perDay).toBe(20_000_000_000);
    ensure(
      near(messages.averagePerSecond, 20e9 / 86_400),
      `20 billion messages a day came to ${fig(messages.averagePerSecond)} a second; over 86,400 seconds it is 231,481.48 (the worked example's "~230K").`,
    );
    expect(messages.peakPerSecond).toBeCloseTo(694_444.44, 1);
  });

  test("reads from writes: 200 reads per message make 46.3 million reads a second", () => {
    const writes = userTraffic({ dailyActiveUsers: 500_000_000, perUserPerDay: 40, peakFactor: 3 });
    const reads = readTraffic(writes, 200);
    expect(reads.perDay).toBe(4_000_000_000_000);
    expect(reads.averagePerSecond).toBeCloseTo(46_296_296.3, 0);
    expect(reads.peakPerSecond).toBeCloseTo(138_888_888.9, 0);
  });

  test("any count over any period: a million drivers reporting every 20 seconds is 50,000 updates a second", () => {
    expect(ratePerSecond(1_000_000, Duration.of(20, "seconds"))).toBe(50_000);
    expect(ratePerSecond(10_000_000, Duration.of(1, "days"))).toBeCloseTo(115.74, 2);
    expect(ratePerSecond(3, Duration.of(1, "minutes"))).toBe(0.05);
  });
});

describe("storage: a day's writes, every copy, for the retention period", () => {
  test("the worked example: 20 billion messages of 100 bytes are 2 TB a day, 3.65 PB in 5 years, 10.95 PB with 3 copies", () => {
    const storage = storageNeeded({
      writesPerDay: 20_000_000_000,
      writeSize: DataSize.of(100, "B"),
      replicationFactor: 3,
      retention: Duration.of(5, "years"),
    });
    expect(storage.perDay.in("TB")).toBeCloseTo(2, 9);
    expect(storage.perDayReplicated.in("TB")).toBeCloseTo(6, 9);
    const retained = storage.retained.in("PB");
    ensure(
      near(retained, 3.65),
      `5 years of 2 TB a day came to ${fig(retained)} PB for one copy; it is 2 TB x 1,825 days = 3.65 PB.` +
        (near(retained, 3.65 * 365)
          ? " 365 times too much: retention was counted twice, once in days and again times 365."
          : ""),
    );
    const total = storage.total.in("PB");
    ensure(
      near(total, 10.95),
      `with replicationFactor 3 the total came to ${fig(total)} PB; the disks hold three copies of 3.65 PB, 10.95 PB. ` +
        "(The worked example stops at one copy, and rounds 3.65 to 3.6.)",
    );
  });

  test("the worked example: 1 PB a day kept 7 years is 2.555 EB, 7.665 EB in three copies", () => {
    const storage = storageNeeded({
      writesPerDay: 500_000_000,
      writeSize: DataSize.of(2, "MB"),
      replicationFactor: 3,
      retention: Duration.of(7, "years"),
    });
    expect(storage.perDay.in("PB")).toBeCloseTo(1, 9);
    expect(storage.retained.in("EB")).toBeCloseTo(2.555, 9);
    expect(storage.total.in("EB")).toBeCloseTo(7.665, 9);
  });

  test("retention is counted once: kept 1 day, retained is one day's data; kept 30 days, 30 days' data", () => {
    const day = { writesPerDay: 1_000_000, writeSize: DataSize.of(1, "KB"), replicationFactor: 1 };
    for (const days of [1, 30]) {
      const retained = storageNeeded({ ...day, retention: Duration.of(days, "days") }).retained.in("GB");
      ensure(
        near(retained, days),
        `1 GB a day kept ${days} day(s) came to ${fig(retained)} GB retained; it is ${days} GB` +
          (near(retained, days * 365)
            ? ": 365 times too much, so retention was counted twice (in days, then times 365 again)."
            : "."),
      );
    }
  });

  test("one copy means total equals retained; two copies double it", () => {
    const base = { writesPerDay: 1_000, writeSize: DataSize.of(1, "MB"), retention: Duration.of(10, "days") };
    const one = storageNeeded({ ...base, replicationFactor: 1 });
    const two = storageNeeded({ ...base, replicationFactor: 2 });
    expect(one.total.in("GB")).toBeCloseTo(10, 9);
    expect(one.perDayReplicated.in("GB")).toBeCloseTo(1, 9);
    ensure(
      near(two.total.in("GB"), 20) && near(two.perDayReplicated.in("GB"), 2),
      `with replicationFactor 2 the total came to ${fig(two.total.in("GB"))} GB and a day to ${fig(two.perDayReplicated.in("GB"))} GB; ` +
        "two copies of 10 GB are 20 GB, and of a day's 1 GB, 2 GB: the replication factor multiplies what the disks hold.",
    );
  });
});

describe("bandwidth", () => {
  test("the worked example's uploads: 5,787 photos of 2 MB a second are 92.6 Gbit/s on average and 926 Gbit/s at peak", () => {
    const uploads = dailyTraffic({ perDay: 500_000_000, peakFactor: 10 });
    const bandwidth = bandwidthNeeded(uploads, DataSize.of(2, "MB"));
    expect(bandwidth.average.in("Gbit/s")).toBeCloseTo(92.5925926, 6);
    const peak = bandwidth.peak.in("Gbit/s");
    ensure(
      near(peak, 925.925926, 1e-8),
      `the peak came to ${fig(peak)} Gbit/s; at the peak second, 57,870 uploads of 2 MB (16 Mbit) each are 925.9 Gbit/s: ` +
        "the links are sized for the peak, not the average.",
    );
  });
});

describe("cache: the 80/20 rule over a day's reads", () => {
  test("the worked example: 20% of 4 trillion reads a day of 100 bytes is 80 TB", () => {
    const cache = cacheSize({ readsPerDay: 4_000_000_000_000, readSize: DataSize.of(100, "B") });
    expect(cache.in("TB")).toBeCloseTo(80, 9);
    expect(cacheSize({ readsPerDay: 1_000, readSize: DataSize.of(1, "MB"), hotFraction: 0.5 }).in("MB")).toBeCloseTo(
      500,
      9,
    );
  });
});

describe("servers", () => {
  test("servers carry the peak, rounded up: 578,704 feed requests a second at 50,000 each need 12", () => {
    const feed = dailyTraffic({ perDay: 5_000_000_000, peakFactor: 10 });
    const servers = serversNeeded({ traffic: feed, perServerPerSecond: 50_000 });
    ensure(
      servers === 12,
      `serversNeeded gave ${servers}; the feed peaks at 578,704 requests a second and a server takes 50,000: 11.6 servers' worth, so 12. ` +
        (servers === 2
          ? "2 is what the average (57,870 a second) needs: provision for the peak, not the average. "
          : "") +
        (servers === 11 ? "11 rounds down: 0.6 of a server's load has nowhere to go. " : ""),
    );
    expect(serversNeeded({ traffic: feed, perServerPerSecond: 50_000, targetUtilisation: 0.7 })).toBe(17);
  });

  test("a peak that is an exact multiple of a server's capacity needs exactly that many servers", () => {
    const steady = dailyTraffic({ perDay: 8_640_000, peakFactor: 3 }); // 100 a second on average, 300 at peak
    for (const [perServer, expected] of [
      [100, 3],
      [50, 6],
      [300, 1],
    ] as const) {
      const servers = serversNeeded({ traffic: steady, perServerPerSecond: perServer });
      ensure(
        servers === expected,
        `a peak of 300 a second at ${perServer} per server gave ${servers} servers; 300 / ${perServer} is an exact multiple, ${expected}, ` +
          "so no extra server is needed: round up (Math.ceil), not down and add one." +
          (servers === 300 / perServer / 3
            ? " That is what the average (100 a second) needs: provision for the peak, not the average."
            : ""),
      );
    }
  });
});

describe("availability", () => {
  test("three nines allow 8.76 hours of downtime a year and 43.2 minutes a month", () => {
    const year = allowedDowntime(0.999, Duration.of(1, "years"));
    ensure(
      near(year.in("hours"), 8.76, 1e-9),
      `99.9% over a year allowed ${fig(year.in("hours"))} hours down; it is 0.1% of 365 x 24 = 8,760 hours: 8.76 hours.`,
    );
    expect(allowedDowntime(0.999, Duration.of(1, "months")).in("minutes")).toBeCloseTo(43.2, 9);
    expect(allowedDowntime(0.9999, Duration.of(1, "years")).in("minutes")).toBeCloseTo(52.56, 9);
  });

  test("availability 1 allows no downtime; availability 0 allows the whole period", () => {
    expect(allowedDowntime(1, Duration.of(1, "years")).in("seconds")).toBe(0);
    expect(allowedDowntime(0, Duration.of(1, "days")).in("hours")).toBe(24);
  });
});

describe("the whole estimate", () => {
  test("the worked example's photo app, every figure", () => {
    const estimate = estimateSystem(photoApp());
    expect(estimate.writes.perDay).toBe(500_000_000);
    expect(estimate.writes.averagePerSecond).toBeCloseTo(5_787.037, 3);
    expect(estimate.writes.peakPerSecond).toBeCloseTo(57_870.37, 2);
    expect(estimate.reads.perDay).toBe(5_000_000_000);
    expect(estimate.reads.peakPerSecond).toBeCloseTo(578_703.7, 1);
    expect(estimate.storage.perDay.in("PB")).toBeCloseTo(1, 9);
    expect(estimate.storage.total.in("EB")).toBeCloseTo(7.665, 9);
    const ingress = estimate.ingress.average.in("Gbit/s");
    ensure(
      near(ingress, 92.5925926, 1e-8),
      `ingress came to ${fig(ingress)} Gbit/s on average; 5,787 photos of 2 MB a second are 92.59 Gbit/s. ` +
        "If storage came out right and this did not, the writeSize was changed by the storage estimate: quantities are values.",
    );
    expect(estimate.ingress.peak.in("Gbit/s")).toBeCloseTo(925.925926, 5);
    expect(estimate.egress.average.in("Gbit/s")).toBeCloseTo(4.62962963, 7);
    expect(estimate.cache.in("TB")).toBeCloseTo(10, 9);
  });

  test("the worked example's chat app: the cache is 20% of a day's read volume, not of what is stored", () => {
    const estimate = estimateSystem(chatApp());
    expect(estimate.writes.averagePerSecond).toBeCloseTo(231_481.48, 1);
    expect(estimate.reads.averagePerSecond).toBeCloseTo(46_296_296.3, 0);
    expect(estimate.storage.perDay.in("TB")).toBeCloseTo(2, 9);
    expect(estimate.storage.total.in("PB")).toBeCloseTo(10.95, 9);
    const cache = estimate.cache.in("TB");
    ensure(
      near(cache, 80),
      `the cache came to ${fig(cache)} TB; the 80/20 rule keeps 20% of a day's read volume: 4 trillion reads x 100 bytes x 0.2 = 80 TB. ` +
        "Not 20% of the data stored over the retention period, nor of a day's writes: the rule is about what is read.",
    );
  });
});

describe("bad input gets a CapacityError with a code", () => {
  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("a size of %p is refused", (value) => {
    expect(codeOf(CapacityError, () => DataSize.of(value, "MB"))).toBe("INVALID_QUANTITY");
  });

  test("negative users, and a negative multiplier, are refused; the message names the argument and the value", () => {
    expect(codeOf(CapacityError, () => userTraffic({ dailyActiveUsers: -5, perUserPerDay: 1, peakFactor: 2 }))).toBe(
      "INVALID_QUANTITY",
    );
    const message = messageOf(() => userTraffic({ dailyActiveUsers: -5, perUserPerDay: 1, peakFactor: 2 }));
    expect(message).toMatch(/dailyActiveUsers/);
    expect(message).toMatch(/-5/);
    expect(codeOf(CapacityError, () => DataSize.of(1, "MB").times(-2))).toBe("INVALID_QUANTITY");
  });

  test.each(["Mb", "Mbps", "mb", "kb"])("the unit %p is refused, with the units there are", (unit) => {
    expect(codeOf(CapacityError, () => DataSize.of(1, unit as SizeUnit))).toBe("UNKNOWN_UNIT");
    expect(codeOf(CapacityError, () => DataRate.of(1, unit as RateUnit))).toBe("UNKNOWN_UNIT");
    const message = messageOf(() => DataRate.of(1, unit as RateUnit));
    expect(message).toContain(unit);
    expect(message).toContain("Mbit/s");
    expect(message).toContain("MB/s");
  });

  test("a bare number where a size is due is refused: a number has no unit", () => {
    const spec = { writesPerDay: 10, writeSize: 2_000_000 as unknown as DataSize, replicationFactor: 3 };
    expect(codeOf(CapacityError, () => storageNeeded({ ...spec, retention: Duration.of(1, "years") }))).toBe(
      "WRONG_TYPE",
    );
    const message = messageOf(() => storageNeeded({ ...spec, retention: Duration.of(1, "years") }));
    expect(message).toMatch(/writeSize/);
    expect(message).toMatch(/DataSize/);
  });

  test("a rate where a size is due is refused, at compile time and at run time", () => {
    const link = DataRate.of(1, "Gbit/s");
    // @ts-expect-error a DataRate is not a DataSize: the classes are distinct types
    const wrong = (): unknown => bandwidthNeeded(dailyTraffic({ perDay: 10, peakFactor: 1 }), link);
    expect(codeOf(CapacityError, wrong)).toBe("WRONG_TYPE");
    expect(messageOf(wrong)).toMatch(/DataRate/);
  });

  test("a rate over 0 seconds is refused", () => {
    expect(codeOf(CapacityError, () => ratePerSecond(5, Duration.of(0, "days")))).toBe("EMPTY_PERIOD");
    expect(codeOf(CapacityError, () => DataSize.of(1, "GB").per(Duration.of(0, "seconds")))).toBe("EMPTY_PERIOD");
  });

  test.each([0.5, 0, -1, Number.NaN])(
    "a peak factor of %p is refused: the peak is never below the average",
    (peakFactor) => {
      expect(codeOf(CapacityError, () => dailyTraffic({ perDay: 100, peakFactor }))).toBe("INVALID_PEAK_FACTOR");
    },
  );

  test.each([0, -200, Number.NaN])("a read:write ratio of %p is refused", (ratio) => {
    const writes = dailyTraffic({ perDay: 100, peakFactor: 2 });
    expect(codeOf(CapacityError, () => readTraffic(writes, ratio))).toBe("INVALID_RATIO");
  });

  test.each([0, 2.5, -3])(
    "a replication factor of %p is refused: copies are whole, and at least one",
    (replicationFactor) => {
      const input = { writesPerDay: 10, writeSize: DataSize.of(1, "KB"), retention: Duration.of(1, "days") };
      expect(codeOf(CapacityError, () => storageNeeded({ ...input, replicationFactor }))).toBe("INVALID_REPLICATION");
    },
  );

  test.each([0, 1.2, -0.2])("a hot fraction of %p is refused", (hotFraction) => {
    expect(
      codeOf(CapacityError, () => cacheSize({ readsPerDay: 10, readSize: DataSize.of(1, "KB"), hotFraction })),
    ).toBe("INVALID_FRACTION");
  });

  test("a percentage where a fraction is due is refused, and the message says which fraction to pass", () => {
    expect(codeOf(CapacityError, () => allowedDowntime(99.9, Duration.of(1, "years")))).toBe("INVALID_AVAILABILITY");
    expect(messageOf(() => allowedDowntime(99.9, Duration.of(1, "years")))).toMatch(/0\.999\b/);
    expect(codeOf(CapacityError, () => allowedDowntime(-0.1, Duration.of(1, "years")))).toBe("INVALID_AVAILABILITY");
  });

  test("a server capacity of 0 and a utilisation above 1 are refused", () => {
    const traffic = dailyTraffic({ perDay: 100, peakFactor: 2 });
    expect(codeOf(CapacityError, () => serversNeeded({ traffic, perServerPerSecond: 0 }))).toBe("INVALID_CAPACITY");
    expect(
      codeOf(CapacityError, () => serversNeeded({ traffic, perServerPerSecond: 10, targetUtilisation: 1.5 })),
    ).toBe("INVALID_FRACTION");
  });
});
