import { GlobalLoadBalancerError } from "./errors";
import type { PeakWindow, Region, RouteRequest, Strategy, Weights } from "./global-load-balancer";

const FACTORS = ["latency", "capacity", "cost", "availability", "compliance"] as const;
const JURISDICTION = /^[A-Za-z0-9_-]+$/;

function invalidRegion(id: string, what: string): GlobalLoadBalancerError {
  return new GlobalLoadBalancerError("INVALID_REGION", `region ${JSON.stringify(id)}: ${what}`);
}

/** Number.isFinite does not coerce: "5", null and NaN are all refused. */
function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}

/**
 * Checks every field of a region, and that it measures latency from exactly the locations the
 * others do (`locations`, or none yet for the first region), so no request finds a region blind.
 */
export function checkRegion(region: Region, locations: readonly string[] | undefined): void {
  if (typeof region.id !== "string" || region.id === "")
    throw new GlobalLoadBalancerError(
      "INVALID_REGION",
      'a region needs a non-empty string id, such as "aws:eu-west-1"',
    );
  const id = region.id;
  if (typeof region.jurisdiction !== "string" || !JURISDICTION.test(region.jurisdiction))
    throw invalidRegion(
      id,
      `jurisdiction must be a name of letters, digits, "-" or "_", such as "EU"; got ${JSON.stringify(region.jurisdiction)}`,
    );
  if (!isFiniteNumber(region.capacity) || region.capacity <= 0)
    throw invalidRegion(id, `capacity must be a number of requests per second above 0, got ${String(region.capacity)}`);
  if (!isFiniteNumber(region.load) || region.load < 0)
    throw invalidRegion(id, `load must be a number of requests per second, 0 or more, got ${String(region.load)}`);
  if (!isFiniteNumber(region.costPerMillion) || region.costPerMillion <= 0)
    throw invalidRegion(id, `costPerMillion must be a price above 0, got ${String(region.costPerMillion)}`);
  if (!isFiniteNumber(region.availability) || region.availability < 0 || region.availability >= 1)
    throw invalidRegion(
      id,
      `availability must be in [0, 1), such as 0.9995, got ${String(region.availability)}: no region is never down, so give the measured figure`,
    );
  if (typeof region.healthy !== "boolean")
    throw invalidRegion(id, `healthy must be true or false, got ${String(region.healthy)}`);
  checkLatencies(id, region.latencyMs, locations);
}

function checkLatencies(
  id: string,
  latencyMs: Readonly<Record<string, number>>,
  locations: readonly string[] | undefined,
): void {
  if (typeof latencyMs !== "object" || latencyMs === null || Object.keys(latencyMs).length === 0)
    throw invalidRegion(
      id,
      'latencyMs must map each user location to a round trip in ms, such as { "eu-central": 18 }',
    );
  for (const [location, ms] of Object.entries(latencyMs))
    if (!isFiniteNumber(ms) || ms < 0)
      throw invalidRegion(
        id,
        `latencyMs[${JSON.stringify(location)}] must be a number of ms, 0 or more, got ${String(ms)}`,
      );
  if (locations === undefined) return;
  const missing = locations.filter((location) => !Object.hasOwn(latencyMs, location));
  const extra = Object.keys(latencyMs).filter((location) => !locations.includes(location));
  if (missing.length > 0 || extra.length > 0)
    throw invalidRegion(
      id,
      `latencyMs must name the same user locations as every other region (${locations.join(", ")})` +
        (missing.length > 0 ? `; missing ${missing.join(", ")}` : "") +
        (extra.length > 0 ? `; unexpected ${extra.join(", ")}` : ""),
    );
}

export function checkWeights(strategy: Strategy, weights: Weights): void {
  const where = `weights.${strategy}`;
  if (typeof weights !== "object" || weights === null)
    throw new GlobalLoadBalancerError(
      "INVALID_OPTION",
      `${where} must be an object with a share per factor (${FACTORS.join(", ")})`,
    );
  const unknown = Object.keys(weights).filter((key) => !(FACTORS as readonly string[]).includes(key));
  if (unknown.length > 0)
    throw new GlobalLoadBalancerError(
      "INVALID_OPTION",
      `${where} names no such factor: ${unknown.join(", ")}; the factors are ${FACTORS.join(", ")}`,
    );
  let sum = 0;
  for (const factor of FACTORS) {
    const share = weights[factor];
    if (!isFiniteNumber(share) || share < 0)
      throw new GlobalLoadBalancerError(
        "INVALID_OPTION",
        `${where}.${factor} must be a share of 0 or more, got ${String(share)}`,
      );
    sum += share;
  }
  if (Math.abs(sum - 1) > 1e-9)
    throw new GlobalLoadBalancerError(
      "INVALID_OPTION",
      `${where} must add up to 1, got ${sum}: give each factor its share of the whole score`,
    );
}

export function checkPeakWindow(window: PeakWindow): void {
  const isHour = (hour: unknown): boolean => Number.isInteger(hour) && (hour as number) >= 0 && (hour as number) <= 23;
  if (!isHour(window.startHour) || !isHour(window.endHour))
    throw new GlobalLoadBalancerError(
      "INVALID_OPTION",
      `peak hours must be whole UTC hours 0-23, got ${String(window.startHour)} to ${String(window.endHour)}`,
    );
  if (window.startHour === window.endHour)
    throw new GlobalLoadBalancerError(
      "INVALID_OPTION",
      `a peak window from ${window.startHour}:00 to ${window.endHour}:00 is empty or the whole day; leave peak out for one set of weights all day`,
    );
}

export function checkCeiling(ceilingMs: number): void {
  if (!isFiniteNumber(ceilingMs) || ceilingMs <= 0)
    throw new GlobalLoadBalancerError(
      "INVALID_OPTION",
      `latencyCeilingMs must be a number of ms above 0, got ${String(ceilingMs)}`,
    );
}

export function checkRequest(request: RouteRequest, knownLocations: ReadonlySet<string>): void {
  if (typeof request.location !== "string" || request.location === "")
    throw new GlobalLoadBalancerError(
      "INVALID_REQUEST",
      'a request needs the user\'s location, such as { location: "eu-central" }',
    );
  const allowed = request.allowedJurisdictions;
  if (allowed !== undefined) {
    if (!Array.isArray(allowed) || allowed.length === 0)
      throw new GlobalLoadBalancerError(
        "INVALID_REQUEST",
        "allowedJurisdictions is empty, which allows no region at all; leave it out to allow any jurisdiction",
      );
    for (const jurisdiction of allowed)
      if (typeof jurisdiction !== "string" || !JURISDICTION.test(jurisdiction))
        throw new GlobalLoadBalancerError(
          "INVALID_REQUEST",
          `allowedJurisdictions holds ${JSON.stringify(jurisdiction)}; a jurisdiction is a name of letters, digits, "-" or "_", such as "EU"`,
        );
  }
  if (!knownLocations.has(request.location))
    throw new GlobalLoadBalancerError(
      "UNKNOWN_LOCATION",
      `no region has a latency figure for location ${JSON.stringify(request.location)}; the known locations are ${[...knownLocations].join(", ")}`,
    );
}
