import { DecisionCache } from "./decision-cache";
import { complianceScore, exclusionReason } from "./eligibility";
import { GlobalLoadBalancerError } from "./errors";
import { availabilityScore, capacityScore, costScore, latencyScore } from "./factors";
import { isPeak } from "./peak-window";
import { compareCandidates, roundScore, type Candidate } from "./ranking";
import { checkCeiling, checkPeakWindow, checkRegion, checkRequest, checkWeights } from "./validation";

/** The five things a region is judged on. */
export type Factor = "latency" | "capacity" | "cost" | "availability" | "compliance";

/** How much each factor counts: non-negative shares that add up to 1. */
export type Weights = Readonly<Record<Factor, number>>;

/** Which set of weights applies: `standard` without a peak window, else `peak` or `off-peak`. */
export type Strategy = "standard" | "peak" | "off-peak";

/** The default weights: latency first, then headroom, then cost and availability. */
export const STANDARD_WEIGHTS: Weights = {
  latency: 0.4,
  capacity: 0.25,
  cost: 0.15,
  availability: 0.15,
  compliance: 0.05,
};

/** At peak, keep users fast and regions out of overload; cost matters least. */
export const PEAK_WEIGHTS: Weights = { latency: 0.4, capacity: 0.35, cost: 0.1, availability: 0.1, compliance: 0.05 };

/** Off peak, there is headroom everywhere: send traffic where it is cheap and reliable. */
export const OFF_PEAK_WEIGHTS: Weights = {
  latency: 0.25,
  capacity: 0.1,
  cost: 0.4,
  availability: 0.2,
  compliance: 0.05,
};

/** One region of one cloud, as the balancer last heard of it. */
export interface Region {
  /** Unique, such as "aws:eu-west-1". Ties between equal scores end in the smaller id. */
  readonly id: string;
  /** Whose law covers data stored here, such as "EU" or "US". */
  readonly jurisdiction: string;
  /** Measured round trip, in ms, from each user location: every region names the same locations. */
  readonly latencyMs: Readonly<Record<string, number>>;
  /** Requests per second the region can serve (> 0). */
  readonly capacity: number;
  /** Requests per second it serves now (>= 0). At or above capacity it is full. */
  readonly load: number;
  /** Dollars per million requests served there (> 0). */
  readonly costPerMillion: number;
  /** Measured share of time it was up, in [0, 1): 0.9995. Nobody measures 1. */
  readonly availability: number;
  /** False while health checks fail. */
  readonly healthy: boolean;
}

/** What update() may change: the figures that move while the system runs. */
export type RegionUpdate = Partial<Omit<Region, "id">>;

/** A peak window in whole UTC hours: from startHour:00 up to, not including, endHour:00. */
export interface PeakWindow {
  /** 0-23. */
  readonly startHour: number;
  /** 0-23, not equal to startHour. Smaller than startHour for a window across midnight (22 to 6). */
  readonly endHour: number;
}

/** The only thing the balancer needs of a clock: milliseconds since the Unix epoch (UTC). */
export interface Clock {
  now(): number;
}

export interface GlobalLoadBalancerOptions {
  /** Where the time of day comes from. Default: the system clock. */
  readonly clock?: Clock;
  /** When set, peak weights apply inside the window and off-peak weights outside it. */
  readonly peak?: PeakWindow;
  /** Replace any of the three weight sets; each must be a full set of shares adding up to 1. */
  readonly weights?: Partial<Readonly<Record<Strategy, Weights>>>;
  /** Latency at which the latency score reaches 0 (default 300 ms). */
  readonly latencyCeilingMs?: number;
}

/** Where a request comes from, and where its data may go. */
export interface RouteRequest {
  /** A user location the regions have latency figures for, such as "eu-central". */
  readonly location: string;
  /** Data residency: the jurisdictions allowed to serve this request. Absent: any. */
  readonly allowedJurisdictions?: readonly string[];
}

/** A region's score for one request, and what made it. */
export interface Decision {
  readonly region: string;
  /** The weighted sum of the factor scores, in [0, 1]. */
  readonly score: number;
  readonly strategy: Strategy;
  /** Each factor's score, in [0, 1], before weighting. */
  readonly factors: Readonly<Record<Factor, number>>;
}

/** Why a region cannot take a request. Checked in this order; the first that applies is given. */
export type ExclusionReason = "unhealthy" | "jurisdiction" | "full";

/** The whole picture for one request: every eligible region best first, and every excluded one. */
export interface Explanation {
  readonly strategy: Strategy;
  readonly ranked: readonly Decision[];
  readonly excluded: readonly { readonly region: string; readonly reason: ExclusionReason }[];
}

/**
 * Picks the region that serves a request best: a gate (health, jurisdiction, room), then a
 * weighted score of five factors, ties broken on the regions' own figures. Decisions are kept per
 * (location, strategy, allowed jurisdictions) until a region changes.
 */
export class GlobalLoadBalancer {
  private readonly regions = new Map<string, Region>();
  private readonly locations: readonly string[];
  private readonly knownLocations: ReadonlySet<string>;
  private readonly clock: Clock;
  private readonly peak: PeakWindow | undefined;
  private readonly weights: Readonly<Record<Strategy, Weights>>;
  private readonly ceilingMs: number;
  private readonly cache = new DecisionCache();

  constructor(regions: readonly Region[], options: GlobalLoadBalancerOptions = {}) {
    if (!Array.isArray(regions) || regions.length === 0)
      throw new GlobalLoadBalancerError(
        "INVALID_OPTION",
        "a global load balancer needs at least one region to route to",
      );
    this.ceilingMs = options.latencyCeilingMs ?? 300;
    checkCeiling(this.ceilingMs);
    if (options.peak !== undefined) checkPeakWindow(options.peak);
    this.peak = options.peak === undefined ? undefined : { ...options.peak };
    const given = options.weights ?? {};
    for (const strategy of ["standard", "peak", "off-peak"] as const) {
      const weights = given[strategy];
      if (weights !== undefined) checkWeights(strategy, weights);
    }
    this.weights = {
      standard: { ...(given.standard ?? STANDARD_WEIGHTS) },
      peak: { ...(given.peak ?? PEAK_WEIGHTS) },
      "off-peak": { ...(given["off-peak"] ?? OFF_PEAK_WEIGHTS) },
    };
    this.clock = options.clock ?? { now: () => Date.now() };
    checkRegion(regions[0] as Region, undefined);
    this.locations = Object.keys((regions[0] as Region).latencyMs);
    this.knownLocations = new Set(this.locations);
    for (const region of regions) {
      checkRegion(region, this.locations);
      if (this.regions.has(region.id))
        throw new GlobalLoadBalancerError(
          "DUPLICATE_REGION",
          `region ${JSON.stringify(region.id)} is given twice; ids must be unique`,
        );
      this.regions.set(region.id, copyRegion(region));
    }
  }

  route(request: RouteRequest): Decision {
    this.checkRequest(request);
    const strategy = this.strategy();
    const allowed = request.allowedJurisdictions;
    const cached = this.cache.get(request.location, strategy, allowed);
    if (cached !== undefined) return cached;
    const candidates = this.candidates(request, strategy);
    let best: Candidate | undefined;
    for (const candidate of candidates.eligible)
      if (best === undefined || compareCandidates(candidate, best) < 0) best = candidate;
    if (best === undefined) throw this.noEligibleRegion(request, candidates.excluded);
    this.cache.set(request.location, strategy, allowed, best.decision);
    return best.decision;
  }

  explain(request: RouteRequest): Explanation {
    this.checkRequest(request);
    const strategy = this.strategy();
    const { eligible, excluded } = this.candidates(request, strategy);
    return {
      strategy,
      ranked: eligible.sort(compareCandidates).map((candidate) => candidate.decision),
      excluded: excluded.sort((a, b) => (a.region < b.region ? -1 : 1)), // ids are unique
    };
  }

  update(id: string, change: RegionUpdate): void {
    const current = this.regions.get(id);
    if (current === undefined)
      throw new GlobalLoadBalancerError(
        "UNKNOWN_REGION",
        `no region ${JSON.stringify(id)} to update; the regions are ${[...this.regions.keys()].join(", ")}`,
      );
    const next = copyRegion({ ...current, ...change, id });
    checkRegion(next, this.locations);
    this.regions.set(id, next);
    this.cache.clear();
  }

  strategy(): Strategy {
    if (this.peak === undefined) return "standard";
    return isPeak(this.peak, this.clock.now()) ? "peak" : "off-peak";
  }

  private checkRequest(request: RouteRequest): void {
    checkRequest(request, this.knownLocations);
  }

  /** Gates every region for this request, then scores the ones that pass. */
  private candidates(
    request: RouteRequest,
    strategy: Strategy,
  ): { eligible: Candidate[]; excluded: { region: string; reason: ExclusionReason }[] } {
    const open: Region[] = [];
    const excluded: { region: string; reason: ExclusionReason }[] = [];
    let cheapest = Infinity;
    for (const region of this.regions.values()) {
      const reason = exclusionReason(region, request.allowedJurisdictions);
      if (reason !== undefined) excluded.push({ region: region.id, reason });
      else {
        open.push(region);
        cheapest = Math.min(cheapest, region.costPerMillion);
      }
    }
    const weights = this.weights[strategy];
    const eligible = open.map((region): Candidate => {
      const latencyMs = region.latencyMs[request.location] as number;
      const factors = {
        latency: latencyScore(latencyMs, this.ceilingMs),
        capacity: capacityScore(region.load, region.capacity),
        cost: costScore(cheapest, region.costPerMillion),
        availability: availabilityScore(region.availability),
        compliance: complianceScore(region, request.allowedJurisdictions),
      };
      const score =
        weights.latency * factors.latency +
        weights.capacity * factors.capacity +
        weights.cost * factors.cost +
        weights.availability * factors.availability +
        weights.compliance * factors.compliance;
      const decision: Decision = Object.freeze({
        region: region.id,
        score: roundScore(score),
        strategy,
        factors: Object.freeze(factors),
      });
      return { decision, latencyMs };
    });
    return { eligible, excluded };
  }

  private noEligibleRegion(
    request: RouteRequest,
    excluded: readonly { region: string; reason: ExclusionReason }[],
  ): GlobalLoadBalancerError {
    const shown = 10;
    const reasons = excluded.slice(0, shown).map(({ region, reason }) => this.describe(region, reason, request));
    const more = excluded.length > shown ? `; and ${excluded.length - shown} more` : "";
    return new GlobalLoadBalancerError(
      "NO_ELIGIBLE_REGION",
      `no region can take a request from ${request.location}: ${reasons.join("; ")}${more}. ` +
        "Restore a region's health or room, or allow more jurisdictions for this request.",
    );
  }

  private describe(id: string, reason: ExclusionReason, request: RouteRequest): string {
    const region = this.regions.get(id) as Region;
    if (reason === "unhealthy") return `${id} is unhealthy`;
    if (reason === "full") return `${id} is full (load ${region.load} of capacity ${region.capacity} requests/s)`;
    return `${id} holds data under ${region.jurisdiction}, which this request does not allow (allowed: ${(request.allowedJurisdictions ?? []).join(", ")})`;
  }
}

/** The balancer keeps its own copy, so a caller changing its object later changes nothing here. */
function copyRegion(region: Region): Region {
  return Object.freeze({ ...region, latencyMs: Object.freeze({ ...region.latencyMs }) });
}
