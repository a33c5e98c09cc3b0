/**
 * WRONG: "round up" written as floor + 1. It agrees with Math.ceil everywhere but on an exact
 * multiple, where it buys a server nobody needs: a peak of 300 at 100 a server gives 4.
 */
import * as check from "../../src/checks";
import { requireTraffic } from "../../src/quantity-checks";
import type { ServersInput } from "../../src/capacity-estimation";

export function serversNeeded(input: ServersInput): number {
  const { peakPerSecond } = requireTraffic(input.traffic, "traffic");
  const capacity = check.perServerPerSecond(input.perServerPerSecond);
  const utilisation = check.fraction(input.targetUtilisation ?? 1, "targetUtilisation", "0.7");
  return Math.floor(peakPerSecond / (capacity * utilisation)) + 1; // the mistake
}
