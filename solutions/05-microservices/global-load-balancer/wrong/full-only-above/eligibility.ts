import type { ExclusionReason, Region } from "../../src/global-load-balancer";

export function complianceScore(region: Region, allowedJurisdictions: readonly string[] | undefined): number {
  return allowedJurisdictions === undefined || allowedJurisdictions.includes(region.jurisdiction) ? 1 : 0;
}

/** Wrong: a region at exactly its capacity still takes requests. */
export function exclusionReason(
  region: Region,
  allowedJurisdictions: readonly string[] | undefined,
): ExclusionReason | undefined {
  if (!region.healthy) return "unhealthy";
  if (complianceScore(region, allowedJurisdictions) === 0) return "jurisdiction";
  if (region.load > region.capacity) return "full";
  return undefined;
}
