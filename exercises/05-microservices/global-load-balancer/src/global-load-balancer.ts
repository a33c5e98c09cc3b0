import { notImplemented } from "#kata";
import { GlobalLoadBalancerError } from "./errors";
// GlobalLoadBalancerError is what the finished balancer throws (see each method).

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
 * Picks the region that serves a request best, by a weighted score of five factors.
 *
 * Eligibility comes first and is not a matter of weight: a region that is unhealthy, holds data
 * under a jurisdiction the request does not allow, or is full (load >= capacity) is never chosen,
 * however good its other factors. Each eligible region then gets a score per factor, in [0, 1]:
 * - latency: 1 - latency / latencyCeilingMs, and 0 at or beyond the ceiling;
 * - capacity: the headroom, 1 - load / capacity;
 * - cost: the cheapest eligible region's costPerMillion over this region's (the cheapest scores 1);
 * - availability: its nines, -log10(1 - availability), over 5, at most 1 (99.9% scores 0.6);
 * - compliance: 1 (a region that fails compliance is excluded, not scored low).
 * The score is the weighted sum, in the order listed. Scores within 1e-9 of each other tie; a tie
 * goes to the lower latency, then to the smaller id, so the choice never depends on the order the
 * regions were given in.
 */
export class GlobalLoadBalancer {
  /**
   * @throws GlobalLoadBalancerError INVALID_OPTION, INVALID_REGION or DUPLICATE_REGION.
   */
  constructor(regions: readonly Region[], options: GlobalLoadBalancerOptions = {}) {
    notImplemented("GlobalLoadBalancer.constructor");
  }

  /**
   * The best region for this request, now.
   * @throws GlobalLoadBalancerError INVALID_REQUEST, UNKNOWN_LOCATION or NO_ELIGIBLE_REGION.
   */
  route(request: RouteRequest): Decision {
    return notImplemented("GlobalLoadBalancer.route");
  }

  /**
   * Every region's standing for this request, now: the eligible ones best first, and why each
   * other one is excluded. Never throws NO_ELIGIBLE_REGION: `ranked` is empty instead.
   * @throws GlobalLoadBalancerError INVALID_REQUEST or UNKNOWN_LOCATION.
   */
  explain(request: RouteRequest): Explanation {
    return notImplemented("GlobalLoadBalancer.explain");
  }

  /**
   * Changes a region's figures (load, health, ...). Every later decision sees the change.
   * @throws GlobalLoadBalancerError UNKNOWN_REGION or INVALID_REGION, and then changes nothing.
   */
  update(id: string, change: RegionUpdate): void {
    notImplemented("GlobalLoadBalancer.update");
  }

  /** The strategy in force at the clock's current time. */
  strategy(): Strategy {
    return notImplemented("GlobalLoadBalancer.strategy");
  }
}
