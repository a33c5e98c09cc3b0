import type { ExclusionReason, Region } from "./global-load-balancer";

/**
 * 1 when the request allows the region's jurisdiction (or names none), else 0. Used as a gate
 * below, so every region that reaches scoring has 1 here.
 */
export function complianceScore(region: Region, allowedJurisdictions: readonly string[] | undefined): number {
  return allowedJurisdictions === undefined || allowedJurisdictions.includes(region.jurisdiction) ? 1 : 0;
}

/**
 * Why a region cannot take a request, or undefined when it can. Compliance is a gate, not a
 * weight: data-residency law does not trade against 40 ms of latency.
 */
export function exclusionReason(
  region: Region,
  allowedJurisdictions: readonly string[] | undefined,
): ExclusionReason | undefined {
  if (!region.healthy) return "unhealthy";
  if (complianceScore(region, allowedJurisdictions) === 0) return "jurisdiction";
  if (region.load >= region.capacity) return "full";
  return undefined;
}
