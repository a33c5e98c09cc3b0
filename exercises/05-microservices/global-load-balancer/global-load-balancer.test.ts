import { ManualClock, codeOf, ensure, messageOf } from "#kata/testing";
import { GlobalLoadBalancerError } from "./src/errors";
import {
  GlobalLoadBalancer,
  type Decision,
  type Factor,
  type GlobalLoadBalancerOptions,
  type Region,
  type Weights,
} from "./src/global-load-balancer";
import { HOUR_MS, fourRegions, region } from "./regions";

const EU = { location: "eu-central" };
const US = { location: "us-east" };

function near(actual: number, expected: number, tolerance = 1e-6): boolean {
  return Math.abs(actual - expected) <= tolerance;
}

function decisionOf(balancer: GlobalLoadBalancer, id: string, request = EU): Decision {
  const decision = balancer.explain(request).ranked.find((d) => d.region === id);
  ensure(
    decision !== undefined,
    `explain() ranked no decision for ${id}, an eligible region: ranked lists every region that can take the request`,
  );
  return decision;
}

function factorOf(figures: Partial<Region>, factor: Factor, options: GlobalLoadBalancerOptions = {}): number {
  return decisionOf(new GlobalLoadBalancer([region("r", figures)], options), "r").factors[factor];
}

/** Only latency and capacity count: ties are easy to build by hand. */
const LATENCY_AND_ROOM: Weights = { latency: 0.5, capacity: 0.5, cost: 0, availability: 0, compliance: 0 };

describe("the score: five factors in [0, 1], weighted", () => {
  test("each factor of the worked example scores as the README says", () => {
    const d = decisionOf(new GlobalLoadBalancer(fourRegions()), "aws:eu-west-1");
    const expected: Record<Factor, number> = {
      latency: 1 - 20 / 300,
      capacity: 0.5,
      cost: 2 / 4,
      availability: -Math.log10(1 - 0.9995) / 5,
      compliance: 1,
    };
    for (const factor of Object.keys(expected) as Factor[])
      ensure(
        near(d.factors[factor], expected[factor]),
        `aws:eu-west-1 from eu-central scored ${d.factors[factor]} on ${factor}; expected ${expected[factor].toFixed(6)} ` +
          "(latency 20 ms of a 300 ms ceiling, load 500 of 1000, $4 against the cheapest $2, 99.95% = 3.3 nines of 5, compliant)",
      );
    ensure(
      near(d.score, 0.722364),
      `its score is ${d.score}; with the standard weights (0.4, 0.25, 0.15, 0.15, 0.05) the weighted sum is 0.722364`,
    );
  });

  test("route() picks the highest score: azure:westeurope for eu-central, gcp:us-east1 for us-east", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    const eu = balancer.route(EU);
    const us = balancer.route(US);
    ensure(
      eu.region === "azure:westeurope" && near(eu.score, 0.796667),
      `eu-central went to ${eu.region} (score ${eu.score}); azure:westeurope scores 0.796667, the highest (aws:eu-west-1 0.722364)`,
    );
    ensure(
      us.region === "gcp:us-east1" && near(us.score, 0.82),
      `us-east went to ${us.region} (score ${us.score}); gcp:us-east1 scores 0.82, ahead of aws:us-west-2 at 0.805`,
    );
    expect(eu.strategy).toBe("standard");
  });

  test("availability counts in nines: 90% scores 0.2, 99.9% 0.6, 99.99% 0.8, five nines and more 1", () => {
    const cases: [number, number][] = [
      [0, 0],
      [0.9, 0.2],
      [0.999, 0.6],
      [0.9999, 0.8],
      [0.99999, 1],
      [0.9999999, 1],
    ];
    for (const [availability, expected] of cases) {
      const score = factorOf({ availability }, "availability");
      ensure(
        near(score, expected),
        `availability ${availability} scored ${score}; expected ${expected}: -log10(1 - availability) nines, over 5, at most 1. ` +
          "Raw availability would make 99.9% (8.8 hours down a year) and 99.999% (5 minutes) score almost alike",
      );
    }
  });

  test("latency falls linearly from 1 at 0 ms to 0 at the ceiling, and stays 0 beyond it", () => {
    const cases: [number, number][] = [
      [0, 1],
      [75, 0.75],
      [299, 1 / 300],
      [300, 0],
      [450, 0],
    ];
    for (const [ms, expected] of cases) {
      const score = factorOf({ latencyMs: { "eu-central": ms } }, "latency");
      ensure(
        near(score, expected),
        `a ${ms} ms round trip scored ${score} on latency; expected ${expected}: 1 - ms / 300, and 0 at or beyond the 300 ms ceiling (never negative)`,
      );
    }
    const custom = factorOf({ latencyMs: { "eu-central": 50 } }, "latency", { latencyCeilingMs: 100 });
    ensure(near(custom, 0.5), `50 ms with latencyCeilingMs 100 scored ${custom}; expected 0.5`);
  });

  test("capacity scores the headroom: 1 - load / capacity", () => {
    const score = factorOf({ load: 750, capacity: 1000 }, "capacity");
    ensure(near(score, 0.25), `load 750 of 1000 scored ${score} on capacity; the free share is 0.25`);
  });

  test("cost is relative to the cheapest ELIGIBLE region: when the cheapest is down, the next cheapest scores 1", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    balancer.update("aws:us-west-2", { healthy: false });
    const cost = decisionOf(balancer, "gcp:us-east1").factors.cost;
    ensure(
      near(cost, 1),
      `with aws:us-west-2 ($2) unhealthy, gcp:us-east1 ($3) is the cheapest region that can take the request, yet scored ${cost} on cost; ` +
        "compare prices among the regions that passed the gate, or a region nobody can use sets the scale",
    );
  });
});

describe("the gate: health, jurisdiction and room come before any score", () => {
  test("a region outside the allowed jurisdictions is never chosen, however good it is", () => {
    const perfect = region("us:perfect", {
      jurisdiction: "US",
      latencyMs: { "eu-central": 1 },
      costPerMillion: 0.5,
      availability: 0.999999,
    });
    const distant = region("eu:distant", {
      latencyMs: { "eu-central": 280 },
      load: 990,
      costPerMillion: 50,
      availability: 0.9,
    });
    const balancer = new GlobalLoadBalancer([perfect, distant]);
    const chosen = balancer.route({ location: "eu-central", allowedJurisdictions: ["EU"] });
    ensure(
      chosen.region === "eu:distant",
      `a request that allows only EU went to ${chosen.region} (jurisdiction US); compliance is a gate, not a weight: ` +
        "a region that fails it is excluded, not scored low, or a good enough region outside the law wins",
    );
    const explanation = balancer.explain({ location: "eu-central", allowedJurisdictions: ["EU"] });
    expect(explanation.excluded).toEqual([{ region: "us:perfect", reason: "jurisdiction" }]);
    expect(balancer.route(EU).region).toBe("us:perfect");
  });

  test("an unhealthy region is never chosen", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    balancer.update("azure:westeurope", { healthy: false });
    const chosen = balancer.route(EU);
    ensure(
      chosen.region === "aws:eu-west-1",
      `with azure:westeurope unhealthy, eu-central went to ${chosen.region}; the next best healthy region is aws:eu-west-1`,
    );
    expect(balancer.explain(EU).excluded).toEqual([{ region: "azure:westeurope", reason: "unhealthy" }]);
  });

  test("a region is full at load == capacity, not only above it", () => {
    const atCapacity = new GlobalLoadBalancer([
      region("near", { latencyMs: { "eu-central": 1 }, load: 1000, capacity: 1000 }),
      region("far", { latencyMs: { "eu-central": 250 } }),
    ]);
    const chosen = atCapacity.route(EU);
    ensure(
      chosen.region === "far",
      `a region serving 1000 of its 1000 requests/s took the request; it is full at load >= capacity, and one more request overloads it`,
    );
    const justUnder = new GlobalLoadBalancer([
      region("near", { load: 999, capacity: 1000 }),
      region("far", { latencyMs: { "eu-central": 250 } }),
    ]);
    ensure(
      justUnder.explain(EU).excluded.length === 0,
      "a region at load 999 of capacity 1000 was excluded; it still has room",
    );
  });

  test("the first reason that applies is given, in the order unhealthy, jurisdiction, full", () => {
    const balancer = new GlobalLoadBalancer([
      region("a", { healthy: false, jurisdiction: "US", load: 1000 }),
      region("b", { jurisdiction: "US", load: 1000 }),
      region("c", { load: 1000 }),
      region("d"),
    ]);
    expect(balancer.explain({ location: "eu-central", allowedJurisdictions: ["EU"] }).excluded).toEqual([
      { region: "a", reason: "unhealthy" },
      { region: "b", reason: "jurisdiction" },
      { region: "c", reason: "full" },
    ]);
    const reversed = new GlobalLoadBalancer([
      region("z", { healthy: false }),
      region("y", { load: 1000 }),
      region("x", { jurisdiction: "US" }),
      region("w"),
    ]);
    const excluded = reversed
      .explain({ location: "eu-central", allowedJurisdictions: ["EU"] })
      .excluded.map((e) => e.region);
    ensure(
      excluded.join(",") === "x,y,z",
      `explain() listed the excluded regions as ${excluded.join(",")}; list them by id (x,y,z), whatever order they were given in`,
    );
  });
});

describe("ties: the same choice every time, in any input order", () => {
  test("equal scores go to the lower latency, then to the smaller id", () => {
    // 0.5 x 0.9 + 0.5 x 0.6 = 0.75 = 0.5 x 0.8 + 0.5 x 0.7: a tie at nine decimals.
    const near30 = region("z-near", { latencyMs: { "eu-central": 30 }, load: 400 });
    const far60 = region("a-far", { latencyMs: { "eu-central": 60 }, load: 300 });
    for (const order of [
      [near30, far60],
      [far60, near30],
    ]) {
      const chosen = new GlobalLoadBalancer(order, { weights: { standard: LATENCY_AND_ROOM } }).route(EU);
      ensure(
        chosen.region === "z-near",
        `two regions tied at 0.75 and ${chosen.region} won with regions given as [${order.map((r) => r.id).join(", ")}]; ` +
          "a tie goes to the lower latency (z-near, 30 ms), then the smaller id, never to whichever came first",
      );
    }
    const twins = [region("b-twin"), region("a-twin")];
    for (const order of [twins, [...twins].reverse()]) {
      const chosen = new GlobalLoadBalancer(order).route(EU);
      ensure(
        chosen.region === "a-twin",
        `two identical regions: ${chosen.region} won; with equal scores and latency the smaller id (a-twin) wins, in any input order`,
      );
    }
  });

  test("explain() ranks best first, with the same tie order, and lists the excluded by id", () => {
    const balancer = new GlobalLoadBalancer([
      region("c"),
      region("b", { healthy: false }),
      region("a"),
      region("d", { latencyMs: { "eu-central": 10 } }),
    ]);
    const explanation = balancer.explain(EU);
    expect(explanation.ranked.map((d) => d.region)).toEqual(["d", "a", "c"]);
    expect(explanation.excluded).toEqual([{ region: "b", reason: "unhealthy" }]);
    expect(balancer.route(EU)).toEqual(explanation.ranked[0]);
  });
});

describe("peak and off-peak: the weights follow the clock", () => {
  function atHour(hour: number, peak = { startHour: 8, endHour: 20 }): GlobalLoadBalancer {
    return new GlobalLoadBalancer(fourRegions(), { clock: new ManualClock(hour * HOUR_MS), peak });
  }

  test("peak from startHour:00 up to, not including, endHour:00", () => {
    const cases: [number, string][] = [
      [8, "peak"],
      [8 - 1 / HOUR_MS, "off-peak"],
      [20 - 1 / HOUR_MS, "peak"],
      [20, "off-peak"],
      [0, "off-peak"],
    ];
    for (const [hour, expected] of cases) {
      const strategy = atHour(hour).strategy();
      ensure(
        strategy === expected,
        `with peak 8 to 20, at ${(hour * HOUR_MS) / 1000} s after midnight UTC the strategy was ${strategy}; expected ${expected}: ` +
          "the window starts at 08:00:00.000 and ends just before 20:00:00.000",
      );
    }
  });

  test("a window from 22 to 6 runs across midnight", () => {
    const cases: [number, string][] = [
      [23, "peak"],
      [0, "peak"],
      [6 - 1 / HOUR_MS, "peak"],
      [6, "off-peak"],
      [22 - 1 / HOUR_MS, "off-peak"],
      [22, "peak"],
      [24 + 3, "peak"],
    ];
    for (const [hour, expected] of cases) {
      const strategy = atHour(hour, { startHour: 22, endHour: 6 }).strategy();
      ensure(
        strategy === expected,
        `with peak 22 to 6, at hour ${hour.toFixed(4)} (UTC) the strategy was ${strategy}; expected ${expected}: a window whose end is before its start wraps past midnight`,
      );
    }
  });

  test("at peak latency and room win; off peak the cheap region wins, on the same balancer as the clock moves", () => {
    const clock = new ManualClock(10 * HOUR_MS);
    const balancer = new GlobalLoadBalancer(fourRegions(), { clock, peak: { startHour: 8, endHour: 20 } });
    const peak = balancer.route(EU);
    clock.advance(12 * HOUR_MS);
    const offPeak = balancer.route(EU);
    ensure(
      peak.region === "azure:westeurope" && peak.strategy === "peak",
      `at 10:00 (peak) eu-central went to ${peak.region} (${peak.strategy}); with peak weights azure:westeurope scores 0.816667`,
    );
    ensure(
      offPeak.region === "aws:us-west-2" && offPeak.strategy === "off-peak",
      `at 22:00 (off peak) eu-central went to ${offPeak.region} (${offPeak.strategy}); with off-peak weights (cost 0.4) ` +
        "the cheapest region, aws:us-west-2, scores 0.745: a decision made at peak must not be reused off peak",
    );
  });
});

describe("changes: every decision sees the regions as they are now", () => {
  test("after update() marks the chosen region unhealthy, the next route() goes elsewhere, and back once it recovers", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    expect(balancer.route(EU).region).toBe("azure:westeurope");
    balancer.update("azure:westeurope", { healthy: false });
    const during = balancer.route(EU);
    ensure(
      during.region !== "azure:westeurope",
      "route() still sent eu-central to azure:westeurope after it was marked unhealthy: a decision kept from before the change is stale",
    );
    balancer.update("azure:westeurope", { healthy: true });
    expect(balancer.route(EU).region).toBe("azure:westeurope");
  });

  test("a request restricted to EU after an unrestricted one from the same location still gets an EU region", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    expect(balancer.route(US).region).toBe("gcp:us-east1");
    const restricted = balancer.route({ location: "us-east", allowedJurisdictions: ["EU"] });
    ensure(
      restricted.region === "azure:westeurope",
      `a us-east request allowing only EU went to ${restricted.region}; it must go to azure:westeurope (0.756667 among the EU regions). ` +
        "The allowed jurisdictions are part of the question: a decision for an unrestricted request does not answer it",
    );
    expect(balancer.route(US).region).toBe("gcp:us-east1");
  });

  test("requests from one location with different allowed jurisdictions get their own answers, in any sequence", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    const eu = { location: "us-east", allowedJurisdictions: ["EU"] };
    const us = { location: "us-east", allowedJurisdictions: ["US"] };
    const answers = [eu, us, eu, us].map((request) => balancer.route(request).region);
    ensure(
      answers.join(" ") === "azure:westeurope gcp:us-east1 azure:westeurope gcp:us-east1",
      `us-east requests allowing EU, US, EU, US went to ${answers.join(", ")}; expected azure:westeurope and gcp:us-east1 alternately. ` +
        "The allowed jurisdictions are part of the question: an answer kept for one list does not answer another",
    );
  });

  test("a caller's later change to its own region object changes nothing", () => {
    const regions = fourRegions();
    const balancer = new GlobalLoadBalancer(regions);
    (regions[2] as { healthy: boolean }).healthy = false;
    expect(balancer.route(EU).region).toBe("azure:westeurope");
  });
});

describe("bad input: a typed error that says what to do, and nothing else changes", () => {
  const codeOfNew = (regions: Region[], options?: GlobalLoadBalancerOptions): string =>
    codeOf(GlobalLoadBalancerError, () => new GlobalLoadBalancer(regions, options));
  const constructs = (regions: Region[], options?: GlobalLoadBalancerOptions): boolean => {
    try {
      return new GlobalLoadBalancer(regions, options) instanceof GlobalLoadBalancer;
    } catch {
      return false;
    }
  };

  test("construction: no regions, duplicates, out-of-range figures, mismatched locations, bad options", () => {
    expect(codeOfNew([])).toBe("INVALID_OPTION");
    expect(codeOfNew([region("a"), region("a")])).toBe("DUPLICATE_REGION");
    const badFigures: Partial<Region>[] = [
      { availability: 1 },
      { availability: -0.1 },
      { capacity: 0 },
      { load: -1 },
      { costPerMillion: 0 },
      { latencyMs: { "eu-central": -5 } },
      { latencyMs: {} },
      { jurisdiction: "" },
      { load: Number.NaN },
    ];
    for (const bad of badFigures)
      ensure(
        codeOfNew([region("a", bad)]) === "INVALID_REGION",
        `a region with ${JSON.stringify(bad)} was accepted; it must be refused with INVALID_REGION`,
      );
    const byField: [string, Partial<Region>][] = [
      ["availability", { availability: 1 }],
      ["capacity", { capacity: 0 }],
      ["load", { load: -1 }],
      ["costPerMillion", { costPerMillion: 0 }],
      ["latencyMs", { latencyMs: { "eu-central": -5 } }],
      ["latencyMs", { latencyMs: {} }],
      ["latencyMs", { latencyMs: null as unknown as Record<string, number> }],
      ["jurisdiction", { jurisdiction: "" }],
      ["jurisdiction", { jurisdiction: 5 as unknown as string }],
      ["healthy", { healthy: "yes" as unknown as boolean }],
      ["id", { id: "" }],
      ["id", { id: 7 as unknown as string }],
    ];
    for (const [field, bad] of byField) {
      const message = messageOf(GlobalLoadBalancerError, () => new GlobalLoadBalancer([region("a", bad)]));
      ensure(
        message.includes(field) && (field === "id" || message.includes('"a"')),
        `a region with ${field} = ${JSON.stringify(bad[field as keyof Region])} was refused with "${message}"; ` +
          "the message must name the region and the field",
      );
    }
    const missing = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a"), region("b", { latencyMs: { "us-east": 9 } })]),
    );
    ensure(
      missing.includes("same user locations") && missing.endsWith("missing eu-central; unexpected us-east"),
      `region b measured from us-east instead of eu-central was refused with "${missing}"; name the missing and the unexpected location`,
    );
    const extra = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a"), region("b", { latencyMs: { "eu-central": 9, "us-east": 9 } })]),
    );
    ensure(
      extra.endsWith("(eu-central); unexpected us-east"),
      `region b measured from one location more than region a was refused with "${extra}"; ` +
        "every region must name the same locations, and the message names the extra one",
    );
    const fewer = messageOf(
      GlobalLoadBalancerError,
      () =>
        new GlobalLoadBalancer([
          region("a", { latencyMs: { "eu-central": 1, "us-east": 2 } }),
          region("b", { latencyMs: { "eu-central": 9 } }),
        ]),
    );
    ensure(
      fewer.endsWith("(eu-central, us-east); missing us-east"),
      `region b measured from one location fewer than region a was refused with "${fewer}"; name the missing one`,
    );
    const duplicate = messageOf(GlobalLoadBalancerError, () => new GlobalLoadBalancer([region("a"), region("a")]));
    ensure(duplicate.includes('"a"'), `a duplicate id was refused with "${duplicate}"; name the id`);
    const none = messageOf(GlobalLoadBalancerError, () => new GlobalLoadBalancer([]));
    ensure(none.includes("region"), `no regions were refused with "${none}"; say at least one region is needed`);
    expect(codeOfNew([region("a")], { latencyCeilingMs: 0 })).toBe("INVALID_OPTION");
    expect(codeOfNew([region("a")], { peak: { startHour: 8, endHour: 8 } })).toBe("INVALID_OPTION");
    expect(codeOfNew([region("a")], { peak: { startHour: 8, endHour: 24 } })).toBe("INVALID_OPTION");
    expect(codeOfNew([region("a")], { peak: { startHour: 7.5, endHour: 20 } })).toBe("INVALID_OPTION");
    expect(codeOfNew([region("a")], { peak: { startHour: -1, endHour: 20 } })).toBe("INVALID_OPTION");
    for (const edge of [
      { startHour: 0, endHour: 23 },
      { startHour: 23, endHour: 0 },
    ])
      ensure(
        constructs([region("a")], { peak: edge }),
        `a peak window from ${edge.startHour} to ${edge.endHour} was refused; 0 and 23 are valid hours`,
      );
    const hourMessage = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { peak: { startHour: 8, endHour: 24 } }),
    );
    ensure(hourMessage.includes("0-23"), `a peak end of 24 was refused with "${hourMessage}"; say hours are 0-23`);
    const sameHour = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { peak: { startHour: 8, endHour: 8 } }),
    );
    ensure(
      sameHour.includes("8:00"),
      `a peak window from 8 to 8 was refused with "${sameHour}"; say which window and why`,
    );
    const ceiling = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { latencyCeilingMs: 0 }),
    );
    ensure(ceiling.includes("latencyCeilingMs"), `a ceiling of 0 was refused with "${ceiling}"; name the option`);
    const notObject = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { weights: { standard: 5 as unknown as Weights } }),
    );
    const nullWeights = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { weights: { peak: null as unknown as Weights } }),
    );
    ensure(
      notObject.includes("weights.standard must be an object") &&
        nullWeights.includes("weights.peak must be an object"),
      `weights given as 5 and null were refused with "${notObject}" and "${nullWeights}"; say they must be an object of shares`,
    );
    const negativeShare = { latency: 1.2, capacity: -0.2, cost: 0, availability: 0, compliance: 0 };
    const shareMessage = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { weights: { peak: negativeShare } }),
    );
    ensure(
      shareMessage.includes("weights.peak.capacity"),
      `a negative capacity share at peak was refused with "${shareMessage}"; name the strategy and the factor`,
    );
    const unbalanced: Weights = { latency: 0.5, capacity: 0.5, cost: 0.1, availability: 0, compliance: 0 };
    const weightMessage = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { weights: { peak: unbalanced } }),
    );
    ensure(
      weightMessage.includes("1"),
      `weights adding up to 1.1 were refused with "${weightMessage}"; say they must add up to 1`,
    );
    const negative: Weights = { latency: 1.2, capacity: -0.2, cost: 0, availability: 0, compliance: 0 };
    expect(codeOfNew([region("a")], { weights: { standard: negative } })).toBe("INVALID_OPTION");
  });

  test("requests: no location, an empty allow-list, an unknown location", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    expect(codeOf(GlobalLoadBalancerError, () => balancer.route({ location: "" }))).toBe("INVALID_REQUEST");
    const noLocation = messageOf(GlobalLoadBalancerError, () =>
      balancer.route({ location: undefined as unknown as string }),
    );
    ensure(
      codeOf(GlobalLoadBalancerError, () => balancer.route({ location: 3 as unknown as string })) ===
        "INVALID_REQUEST" && noLocation.includes("location"),
      `a request without a location string was refused with "${noLocation}"; use INVALID_REQUEST and say a location is needed`,
    );
    const badEntry = messageOf(GlobalLoadBalancerError, () =>
      balancer.route({ location: "eu-central", allowedJurisdictions: [4 as unknown as string] }),
    );
    ensure(
      codeOf(GlobalLoadBalancerError, () =>
        balancer.route({ location: "eu-central", allowedJurisdictions: [4 as unknown as string] }),
      ) === "INVALID_REQUEST" && badEntry.includes("allowedJurisdictions holds 4"),
      `an allowed jurisdiction that is not a name was refused with "${badEntry}"; say what a jurisdiction looks like`,
    );
    const empty = messageOf(GlobalLoadBalancerError, () =>
      balancer.route({ location: "eu-central", allowedJurisdictions: [] }),
    );
    ensure(
      codeOf(GlobalLoadBalancerError, () => balancer.route({ location: "eu-central", allowedJurisdictions: [] })) ===
        "INVALID_REQUEST" &&
        empty.includes("allowedJurisdictions") &&
        empty.includes("leave it out"),
      `an empty allowedJurisdictions list got "${empty}"; refuse it with INVALID_REQUEST: it allows no region, which is never what the caller meant; say to leave it out to allow any`,
    );
    const unknown = messageOf(GlobalLoadBalancerError, () => balancer.route({ location: "mars" }));
    ensure(
      codeOf(GlobalLoadBalancerError, () => balancer.explain({ location: "mars" })) === "UNKNOWN_LOCATION" &&
        unknown.includes("eu-central"),
      `a request from an unmeasured location got "${unknown}"; refuse it with UNKNOWN_LOCATION and list the known locations`,
    );
  });

  test("when every region is excluded, route() says why for each; explain() returns an empty ranking", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    balancer.update("aws:eu-west-1", { healthy: false });
    balancer.update("azure:westeurope", { load: 2000 });
    const request = { location: "eu-central", allowedJurisdictions: ["EU"] };
    expect(codeOf(GlobalLoadBalancerError, () => balancer.route(request))).toBe("NO_ELIGIBLE_REGION");
    const message = messageOf(GlobalLoadBalancerError, () => balancer.route(request));
    for (const part of [
      "eu-central",
      "aws:eu-west-1 is unhealthy",
      "azure:westeurope is full",
      "gcp:us-east1 holds data under US",
      "(allowed: EU)",
      "allow more jurisdictions",
    ])
      ensure(
        message.includes(part),
        `NO_ELIGIBLE_REGION said "${message}"; it must name each region and its reason (missing "${part}")`,
      );
    expect(balancer.explain(request).ranked).toEqual([]);
    const ten = Array.from({ length: 10 }, (_, i) => region(`r${i}`, { healthy: false }));
    const tenMessage = messageOf(GlobalLoadBalancerError, () => new GlobalLoadBalancer(ten).route(EU));
    ensure(
      tenMessage.includes("r8 is unhealthy; r9 is unhealthy. "),
      `with ten regions excluded the message was "${tenMessage}"; name all ten, with no "and N more"`,
    );
  });

  test("update(): an unknown id or a bad figure is refused, and the region keeps its old figures", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    expect(codeOf(GlobalLoadBalancerError, () => balancer.update("nowhere", { load: 1 }))).toBe("UNKNOWN_REGION");
    const unknownRegion = messageOf(GlobalLoadBalancerError, () => balancer.update("nowhere", { load: 1 }));
    ensure(
      unknownRegion.includes("nowhere") && unknownRegion.includes("azure:westeurope"),
      `update() of an unknown region was refused with "${unknownRegion}"; name it and list the regions there are`,
    );
    expect(codeOf(GlobalLoadBalancerError, () => balancer.update("azure:westeurope", { load: -5 }))).toBe(
      "INVALID_REGION",
    );
    expect(
      codeOf(GlobalLoadBalancerError, () => balancer.update("azure:westeurope", { latencyMs: { "eu-central": 10 } })),
    ).toBe("INVALID_REGION");
    const capacity = decisionOf(balancer, "azure:westeurope").factors.capacity;
    ensure(
      near(capacity, 0.8),
      `after a refused update the region's capacity factor is ${capacity}; a refused update must change nothing (it was 0.8)`,
    );
  });
});
