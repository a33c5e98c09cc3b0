/** How many servers carry the busiest second. */
import * as check from "./checks";
import { requireTraffic } from "./quantity-checks";
import type { ServersInput } from "./capacity-estimation";

export function serversNeeded(input: ServersInput): number {
  const { peakPerSecond } = requireTraffic(input.traffic, "traffic");
  const capacity = check.perServerPerSecond(input.perServerPerSecond);
  const utilisation = check.fraction(
    input.targetUtilisation ?? 1,
    "targetUtilisation",
    "0.7 keeps 30% headroom at peak; 1 runs every server flat out",
  );
  // Provisioned for the peak, not the average, and rounded up: 11.6 servers' worth of load needs 12.
  return Math.ceil(peakPerSecond / (capacity * utilisation));
}
