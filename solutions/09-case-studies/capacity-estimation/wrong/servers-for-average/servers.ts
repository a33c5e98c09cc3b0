/**
 * WRONG: servers provisioned for the average second. The worked example's feed averages 57,870 requests a
 * second and peaks at 578,704: 2 servers of 50,000 carry the average and fall over every evening.
 */
import * as check from "../../src/checks";
import { requireTraffic } from "../../src/quantity-checks";
import type { ServersInput } from "../../src/capacity-estimation";

export function serversNeeded(input: ServersInput): number {
  const { averagePerSecond } = requireTraffic(input.traffic, "traffic");
  const capacity = check.perServerPerSecond(input.perServerPerSecond);
  const utilisation = check.fraction(input.targetUtilisation ?? 1, "targetUtilisation", "0.7");
  return Math.ceil(averagePerSecond / (capacity * utilisation)); // the mistake: average, not peak
}
