export { capacityScore, costScore, latencyScore } from "../../src/factors";

/** Wrong: raw availability, so 99.9% and 99.999% score almost alike. */
export function availabilityScore(availability: number): number {
  return availability;
}
