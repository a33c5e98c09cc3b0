import type { ExclusionReason, Region } from "./global-load-balancer";

/**
 * Why a region cannot take a request, or undefined when it can. Compliance is a gate, not a
 * weight: data-residency law does not trade against 40 ms of latency.
 */
export function exclusionReason(
  region: Region,
  allowedJurisdictions: readonly string[] | undefined,
): ExclusionReason | undefined {
  if (!region.healthy) return "unhealthy";
  if (allowedJurisdictions !== undefined && !allowedJurisdictions.includes(region.jurisdiction)) return "jurisdiction";
  if (region.load >= region.capacity) return "full";
  return undefined;
}

/** Every region that reaches scoring has passed the compliance gate above. */
export function complianceScore(): number {
  return 1;
}
