/** Grading-only tests: long seeded sequences of routes, changes and clock moves against a plain oracle. */
import fc from "fast-check";
import { ManualClock, codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import { GlobalLoadBalancerError } from "./src/errors";
import {
  GlobalLoadBalancer,
  OFF_PEAK_WEIGHTS,
  PEAK_WEIGHTS,
  STANDARD_WEIGHTS,
  type Region,
  type RegionUpdate,
  type RouteRequest,
  type Strategy,
  type Weights,
} from "./src/global-load-balancer";
import { HOUR_MS, fourRegions, region } from "./regions";

const LOCATIONS = ["eu-central", "us-east", "ap-south"] as const;
const JURISDICTIONS = ["EU", "US", "UK"] as const;
const WEIGHTS: Record<Strategy, Weights> = {
  standard: STANDARD_WEIGHTS,
  peak: PEAK_WEIGHTS,
  "off-peak": OFF_PEAK_WEIGHTS,
};

/** The README's rules, written out plainly: score every region from scratch. */
function oracle(regions: readonly Region[], request: RouteRequest, strategy: Strategy): string | undefined {
  const allowed = request.allowedJurisdictions;
  const open = regions.filter(
    (r) => r.healthy && (allowed === undefined || allowed.includes(r.jurisdiction)) && r.load < r.capacity,
  );
  if (open.length === 0) return undefined;
  const cheapest = Math.min(...open.map((r) => r.costPerMillion));
  const w = WEIGHTS[strategy];
  const scored = open.map((r) => {
    const ms = r.latencyMs[request.location] as number;
    const score =
      w.latency * Math.max(0, 1 - ms / 300) +
      w.capacity * (1 - r.load / r.capacity) +
      w.cost * (cheapest / r.costPerMillion) +
      w.availability * Math.min(1, -Math.log10(1 - r.availability) / 5) +
      w.compliance;
    return { id: r.id, ms, score: Math.round(score * 1e9) };
  });
  scored.sort((a, b) => b.score - a.score || a.ms - b.ms || (a.id < b.id ? -1 : 1));
  return scored[0]?.id;
}

const regionArb = (id: string): fc.Arbitrary<Region> =>
  fc.record({
    id: fc.constant(id),
    jurisdiction: fc.constantFrom(...JURISDICTIONS),
    latencyMs: fc.record({
      "eu-central": fc.integer({ min: 0, max: 400 }),
      "us-east": fc.integer({ min: 0, max: 400 }),
      "ap-south": fc.integer({ min: 0, max: 400 }),
    }),
    capacity: fc.constantFrom(100, 1000),
    load: fc.integer({ min: 0, max: 1000 }),
    costPerMillion: fc.constantFrom(1, 2, 3, 4),
    availability: fc.constantFrom(0.9, 0.99, 0.999, 0.9995, 0.9999, 0.99999),
    healthy: fc.constantFrom(true, true, true, false),
  });

const requestArb: fc.Arbitrary<RouteRequest> = fc.record(
  {
    location: fc.constantFrom(...LOCATIONS),
    allowedJurisdictions: fc.uniqueArray(fc.constantFrom(...JURISDICTIONS), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: ["location"] },
);

type Step =
  | { kind: "route"; request: RouteRequest }
  | { kind: "update"; index: number; change: RegionUpdate }
  | { kind: "advance"; hours: number };

const changeArb: fc.Arbitrary<RegionUpdate> = fc.oneof(
  fc.record({ healthy: fc.boolean() }),
  fc.record({ load: fc.integer({ min: 0, max: 1000 }) }),
  fc.record({ costPerMillion: fc.constantFrom(1, 2, 5) }),
  fc.record({ availability: fc.constantFrom(0.9, 0.999, 0.99999) }),
  fc.record({ jurisdiction: fc.constantFrom(...JURISDICTIONS) }),
);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: requestArb.map((request) => ({ kind: "route" as const, request })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("update" as const), index: fc.nat(5), change: changeArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 13 }) }),
  },
);

const world = fc
  .integer({ min: 1, max: 6 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => regionArb(`r${i}`))));

describe("route() agrees with scoring every region from scratch", () => {
  test("over seeded sequences of routes, region changes and clock moves across a peak window", () => {
    fc.assert(
      fc.property(world, fc.array(stepArb, { minLength: 1, maxLength: 40 }), (regions, steps) => {
        const clock = new ManualClock(5 * HOUR_MS);
        const balancer = new GlobalLoadBalancer(regions, { clock, peak: { startHour: 18, endHour: 2 } });
        const current = regions.map((r) => ({ ...r }));
        const log: string[] = [];
        for (const step of steps) {
          if (step.kind === "advance") {
            clock.advance(step.hours * HOUR_MS);
            log.push(`advance ${step.hours} h`);
          } else if (step.kind === "update") {
            const target = current[step.index % current.length] as Region;
            balancer.update(target.id, step.change);
            Object.assign(target, step.change);
            log.push(`update(${target.id}, ${JSON.stringify(step.change)})`);
          } else {
            const strategy = balancer.strategy();
            const expected = oracle(current, step.request, strategy);
            const actual =
              expected === undefined
                ? codeOf(GlobalLoadBalancerError, () => balancer.route(step.request))
                : balancer.route(step.request).region;
            ensure(
              actual === (expected ?? "NO_ELIGIBLE_REGION"),
              `route(${JSON.stringify(step.request)}) at ${strategy} gave ${actual}; scoring every region now gives ` +
                `${expected ?? "NO_ELIGIBLE_REGION"}. Steps before it: ${log.slice(-6).join("; ") || "none"}. ` +
                "A kept decision must be keyed on everything that decides it and dropped when a region changes",
            );
            log.push(`route(${JSON.stringify(step.request)}) -> ${actual}`);
          }
        }
      }),
      propertySettings(150),
    );
  });

  test("the choice does not depend on the order the regions are given in", () => {
    fc.assert(
      fc.property(world, requestArb, fc.nat(), (regions, request, seed) => {
        const shuffled = [...regions].sort(
          (a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7),
        );
        const pick = (rs: Region[]): string => {
          try {
            return new GlobalLoadBalancer(rs).route(request).region;
          } catch (error) {
            if (error instanceof GlobalLoadBalancerError) return error.code;
            throw error;
          }
        };
        const a = pick(regions);
        const b = pick([...shuffled].reverse());
        ensure(
          a === b,
          `the same regions in two orders gave ${a} and ${b}: ties go to the lower latency, then the smaller id, never to whichever came first`,
        );
      }),
      propertySettings(150),
    );
  });
});

describe("grading-only cases", () => {
  test("cost is scaled to the cheapest region the request may use, not the cheapest anywhere", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    const eu = balancer.explain({ location: "us-east", allowedJurisdictions: ["EU"] });
    const aws = eu.ranked.find((d) => d.region === "aws:eu-west-1");
    ensure(
      aws !== undefined && Math.abs(aws.factors.cost - 1) < 1e-9,
      `among the EU regions aws:eu-west-1 ($4) is the cheapest, yet it scored ${aws?.factors.cost} on cost; ` +
        "the $2 US region cannot take this request, so it does not set the scale",
    );
  });

  test("custom weights replace the defaults for their strategy only", () => {
    const latencyOnly: Weights = { latency: 1, capacity: 0, cost: 0, availability: 0, compliance: 0 };
    const clock = new ManualClock(12 * HOUR_MS);
    const balancer = new GlobalLoadBalancer(fourRegions(), {
      clock,
      peak: { startHour: 8, endHour: 20 },
      weights: { "off-peak": latencyOnly },
    });
    expect(balancer.route({ location: "eu-central" }).region).toBe("azure:westeurope");
    clock.advance(10 * HOUR_MS);
    const off = balancer.route({ location: "eu-central" });
    ensure(
      off.region === "aws:eu-west-1" && Math.abs(off.score - (1 - 20 / 300)) < 1e-9,
      `off peak with latency-only weights eu-central went to ${off.region} (${off.score}); the closest region, aws:eu-west-1 at 20 ms, scores 0.933333`,
    );
  });

  test("scores that differ only by rounding noise tie, and the tie goes to the lower latency", () => {
    const halves: Weights = { latency: 0.5, capacity: 0.5, cost: 0, availability: 0, compliance: 0 };
    // 0.5 x 1 + 0.5 x 0.84 = 0.9199999999999999 in floating point; 0.5 x 0.92 + 0.5 x 0.92 = 0.92.
    const near = region("z-near", { latencyMs: { "eu-central": 0 }, load: 160 });
    const farther = region("a-farther", { latencyMs: { "eu-central": 24 }, load: 80 });
    const chosen = new GlobalLoadBalancer([near, farther], { weights: { standard: halves } }).route({
      location: "eu-central",
    });
    ensure(
      chosen.region === "z-near",
      `two regions whose scores are both 0.92 (one computes as 0.9199999999999999) went to ${chosen.region}; ` +
        "compare scores rounded to nine decimals, so floating-point noise is a tie and the lower latency (z-near, 0 ms) wins",
    );
  });

  test("NO_ELIGIBLE_REGION over many regions stays readable: ten reasons and a count of the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) => region(`r${String(i).padStart(2, "0")}`, { healthy: false }));
    const message = messageOf(GlobalLoadBalancerError, () =>
      new GlobalLoadBalancer(many).route({ location: "eu-central" }),
    );
    ensure(
      message.includes("r00 is unhealthy") && message.includes("15 more") && !message.includes("r20"),
      `with 25 unhealthy regions the message was ${message.length} characters: "${message.slice(0, 200)}..."; name the first ten and count the rest`,
    );
  });

  test("a change object the caller edits after update() changes nothing", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    const latency = { "eu-central": 1, "us-east": 100 };
    balancer.update("aws:us-west-2", { latencyMs: latency });
    latency["eu-central"] = 299;
    const factor = balancer.explain({ location: "eu-central" }).ranked.find((d) => d.region === "aws:us-west-2")
      ?.factors.latency;
    ensure(
      factor !== undefined && Math.abs(factor - (1 - 1 / 300)) < 1e-9,
      `after the caller edited the latency map it passed to update(), the region's latency factor read ${factor}; keep a copy`,
    );
  });

  test("explain() reports the strategy in force, and every decision carries it", () => {
    const balancer = new GlobalLoadBalancer(fourRegions(), {
      clock: new ManualClock(23 * HOUR_MS),
      peak: { startHour: 22, endHour: 6 },
    });
    const explanation = balancer.explain({ location: "us-east" });
    expect(explanation.strategy).toBe("peak");
    expect(new Set(explanation.ranked.map((d) => d.strategy))).toEqual(new Set(["peak"]));
  });

  test("bad weights name the strategy and the factor", () => {
    const bad = {
      latency: 0.4,
      capacity: 0.25,
      cost: 0.15,
      availability: 0.15,
      compliance: 0.05,
      speed: 0,
    } as unknown as Weights;
    const message = messageOf(
      GlobalLoadBalancerError,
      () => new GlobalLoadBalancer([region("a")], { weights: { "off-peak": bad } }),
    );
    ensure(
      message.includes("off-peak") &&
        message.includes("factor: speed;") &&
        message.includes("latency, capacity, cost, availability, compliance"),
      `weights with an unknown factor "speed" were refused with "${message}"; name the strategy and the factor`,
    );
    const unknownLocation = messageOf(GlobalLoadBalancerError, () =>
      new GlobalLoadBalancer(fourRegions()).route({ location: "mars" }),
    );
    ensure(
      unknownLocation.includes("eu-central, us-east"),
      `an unknown location was refused with "${unknownLocation}"; list the known ones`,
    );
    const nan = { ...STANDARD_WEIGHTS, cost: Number.NaN };
    expect(
      codeOf(GlobalLoadBalancerError, () => new GlobalLoadBalancer([region("a")], { weights: { standard: nan } })),
    ).toBe("INVALID_OPTION");
  });

  test("a request's allowed list with a malformed jurisdiction is refused", () => {
    const balancer = new GlobalLoadBalancer(fourRegions());
    expect(
      codeOf(GlobalLoadBalancerError, () =>
        balancer.route({ location: "eu-central", allowedJurisdictions: ["EU,US"] }),
      ),
    ).toBe("INVALID_REQUEST");
  });

  test("the UTC hour is right before 1970 and at midnight", () => {
    const before = new GlobalLoadBalancer([region("a")], {
      clock: new ManualClock(-2 * HOUR_MS),
      peak: { startHour: 22, endHour: 23 },
    });
    ensure(
      before.strategy() === "peak",
      `at -7,200,000 ms (22:00 on 31 December 1969) the strategy was ${before.strategy()}; the hour is 22, inside a window 22 to 23`,
    );
    const midnight = new GlobalLoadBalancer([region("a")], {
      clock: new ManualClock(0),
      peak: { startHour: 0, endHour: 6 },
    });
    ensure(
      midnight.strategy() === "peak",
      `at 00:00 UTC the strategy was ${midnight.strategy()}; hour 0 is inside a window 0 to 6`,
    );
  });

  test("allowed lists that spell the same letters in different pieces are different questions", () => {
    const balancer = new GlobalLoadBalancer([
      region("best", { jurisdiction: "EU", latencyMs: { "eu-central": 5 } }),
      region("other", { jurisdiction: "K", latencyMs: { "eu-central": 200 } }),
    ]);
    const first = balancer.route({ location: "eu-central", allowedJurisdictions: ["EU", "UK"] }).region;
    const second = balancer.route({ location: "eu-central", allowedJurisdictions: ["EUU", "K"] }).region;
    ensure(
      first === "best" && second === "other",
      `["EU", "UK"] went to ${first} and then ["EUU", "K"] to ${second}; only "other" (jurisdiction K) may serve the second. ` +
        "A kept answer keyed on the lists' letters alone answers one list with another's region",
    );
  });

  test("explain() orders a hundred tied regions by id, whatever order they came in", () => {
    const ids = Array.from({ length: 100 }, (_, i) => `r${String((i * 37) % 100).padStart(3, "0")}`);
    const ranked = new GlobalLoadBalancer(ids.map((id) => region(id)))
      .explain({ location: "eu-central" })
      .ranked.map((d) => d.region);
    const sorted = [...ids].sort();
    ensure(
      ranked.join() === sorted.join(),
      `a hundred identical regions were ranked ${ranked.slice(0, 5).join(", ")}, ...; equal scores and latencies rank by id: ${sorted.slice(0, 5).join(", ")}, ...`,
    );
  });
});
