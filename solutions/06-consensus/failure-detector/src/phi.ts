/**
 * phi for a heartbeat `elapsed` ms late, given the mean and standard deviation of the intervals:
 * -log10 of the probability that a live node's next heartbeat comes later than that, with the
 * normal distribution's tail approximated by a logistic function (as Akka does), written in the
 * two forms that stay precise on each side of the mean.
 */
export function phiOf(elapsed: number, mean: number, stdDev: number): number {
  const y = (elapsed - mean) / stdDev;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  return elapsed > mean ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
}
