/**
 * One feature of one entity: its values sorted by event time, in two parallel arrays. A write in
 * time order (the usual case) appends; a late one is inserted where it belongs. A read finds the
 * last event time <= asOf by binary search: O(log n) however long the history.
 */
export class FeatureHistory {
  private readonly times: number[] = [];
  private readonly values: number[] = [];

  write(eventTime: number, value: number): void {
    const times = this.times;
    const last = times.length - 1;
    // Wrong: every value is appended as it arrives; late data breaks the order the search relies on.
    if (last < 0 || (times[last] as number) !== eventTime) {
      times.push(eventTime);
      this.values.push(value);
      return;
    }
    const at = this.floorIndex(eventTime);
    if (at >= 0 && times[at] === eventTime) {
      this.values[at] = value; // a correction replaces the value it corrects
      return;
    }
    times.splice(at + 1, 0, eventTime);
    this.values.splice(at + 1, 0, value);
  }

  /** The value with the latest event time <= asOf, and that time; undefined when there is none. */
  floor(asOf: number): { time: number; value: number } | undefined {
    const at = this.floorIndex(asOf);
    return at < 0 ? undefined : { time: this.times[at] as number, value: this.values[at] as number };
  }

  /** The index of the last time <= t, or -1. */
  private floorIndex(t: number): number {
    const times = this.times;
    let lo = 0;
    let hi = times.length; // the answer is lo - 1 once lo === hi
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
