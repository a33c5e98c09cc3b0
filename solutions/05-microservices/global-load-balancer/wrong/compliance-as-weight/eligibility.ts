import type { ExclusionReason, Region } from "../../src/global-load-balancer";

export function complianceScore(region: Region, allowedJurisdictions: readonly string[] | undefined): number {
  return allowedJurisdictions === undefined || allowedJurisdictions.includes(region.jurisdiction) ? 1 : 0;
}

/** Wrong: compliance only scores 0 on a 5% weight, so a non-compliant region can still win. */
export function exclusionReason(
  region: Region,
  _allowedJurisdictions: readonly string[] | undefined,
): ExclusionReason | undefined {
  if (!region.healthy) return "unhealthy";
  if (region.load >= region.capacity) return "full";
  return undefined;
}
