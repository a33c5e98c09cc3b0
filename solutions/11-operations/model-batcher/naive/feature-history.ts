/**
 * Naive: every value in arrival order, and every read scans them all for the latest event time at
 * or before the time asked. Correct, and O(history) per read: a training set that reads 5,000
 * values deep does 5,000 comparisons per feature per row.
 */
export class FeatureHistory {
  private readonly entries: { time: number; value: number }[] = [];

  write(eventTime: number, value: number): void {
    const same = this.entries.find((e) => e.time === eventTime);
    if (same !== undefined) same.value = value;
    else this.entries.push({ time: eventTime, value });
  }

  floor(asOf: number): { time: number; value: number } | undefined {
    let best: { time: number; value: number } | undefined;
    for (const entry of this.entries) {
      if (entry.time <= asOf && (best === undefined || entry.time > best.time)) best = entry;
    }
    return best === undefined ? undefined : { ...best };
  }
}
