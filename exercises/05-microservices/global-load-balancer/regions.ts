/**
 * Given test data: four regions of three clouds, measured from two user locations. The figures are
 * small round numbers so the README's worked example can be checked by hand.
 */
import type { Region } from "./src/global-load-balancer";

export const HOUR_MS = 3_600_000;

/** Copies, so a test that changes its regions cannot change another test's. */
export function fourRegions(): Region[] {
  return [
    {
      id: "aws:eu-west-1",
      jurisdiction: "EU",
      latencyMs: { "eu-central": 20, "us-east": 90 },
      capacity: 1000,
      load: 500,
      costPerMillion: 4,
      availability: 0.9995,
      healthy: true,
    },
    {
      id: "gcp:us-east1",
      jurisdiction: "US",
      latencyMs: { "eu-central": 95, "us-east": 15 },
      capacity: 1000,
      load: 200,
      costPerMillion: 3,
      availability: 0.999,
      healthy: true,
    },
    {
      id: "azure:westeurope",
      jurisdiction: "EU",
      latencyMs: { "eu-central": 25, "us-east": 100 },
      capacity: 2000,
      load: 400,
      costPerMillion: 5,
      availability: 0.9999,
      healthy: true,
    },
    {
      id: "aws:us-west-2",
      jurisdiction: "US",
      latencyMs: { "eu-central": 150, "us-east": 60 },
      capacity: 1000,
      load: 100,
      costPerMillion: 2,
      availability: 0.99,
      healthy: true,
    },
  ];
}

/** One region with every figure given, the rest defaulted: for tests about one factor. */
export function region(id: string, figures: Partial<Region> = {}): Region {
  return {
    id,
    jurisdiction: "EU",
    latencyMs: { "eu-central": 30 },
    capacity: 1000,
    load: 0,
    costPerMillion: 1,
    availability: 0.999,
    healthy: true,
    ...figures,
  };
}
