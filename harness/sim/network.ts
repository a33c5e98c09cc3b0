/**
 * The simulated network's rules: how long a message takes, how often it is lost or doubled, and
 * which links are cut. Reordering needs no switch of its own: each message draws its own delay,
 * so two messages on one link overtake each other whenever the second draws a shorter one.
 */
export interface NetworkFaults {
  /** Each message takes a delay drawn uniformly from [minDelayMs, maxDelayMs]. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Probability that a message is lost. */
  dropRate: number;
  /** Probability that a message is delivered twice (the copy with a delay of its own). */
  duplicateRate: number;
}

export const RELIABLE_NETWORK: NetworkFaults = { minDelayMs: 1, maxDelayMs: 10, dropRate: 0, duplicateRate: 0 };

export class NetworkConfigError extends Error {
  override readonly name = "NetworkConfigError";
}

export function validateFaults(faults: NetworkFaults): NetworkFaults {
  const { minDelayMs, maxDelayMs, dropRate, duplicateRate } = faults;
  if (!(minDelayMs >= 0) || !(maxDelayMs >= minDelayMs) || !Number.isFinite(maxDelayMs)) {
    throw new NetworkConfigError(
      `delays must satisfy 0 <= minDelayMs <= maxDelayMs < Infinity, got ${minDelayMs} and ${maxDelayMs}`,
    );
  }
  for (const [name, rate] of [
    ["dropRate", dropRate],
    ["duplicateRate", duplicateRate],
  ] as const) {
    if (!(rate >= 0 && rate < 1)) throw new NetworkConfigError(`${name} must be a probability in [0, 1), got ${rate}`);
  }
  return faults;
}

/** Which directed links are cut. A partition cuts both directions between groups; block cuts one. */
export class Links {
  private readonly cut = new Set<string>();

  canDeliver(from: string, to: string): boolean {
    return !this.cut.has(`${from}>${to}`);
  }

  /** Cuts every link between nodes of different groups; links inside a group stay as they are. */
  partition(groups: readonly (readonly string[])[]): void {
    for (let g = 0; g < groups.length; g++) {
      for (let h = 0; h < groups.length; h++) {
        if (g === h) continue;
        for (const from of groups[g] as readonly string[])
          for (const to of groups[h] as readonly string[]) this.cut.add(`${from}>${to}`);
      }
    }
  }

  /** Cuts one direction only: `from` can no longer reach `to`, though `to` still reaches `from`. */
  block(from: string, to: string): void {
    this.cut.add(`${from}>${to}`);
  }

  heal(): void {
    this.cut.clear();
  }
}
