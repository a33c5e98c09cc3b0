/** Wrong: every interval ever measured stays in the estimate; maxSamples is ignored. */
export class IntervalWindow {
  private count = 0;
  private sum = 0;
  private sumOfSquares = 0;

  constructor(capacity: number) {
    void capacity;
  }

  add(interval: number): void {
    this.count++;
    this.sum += interval;
    this.sumOfSquares += interval * interval;
  }

  get mean(): number {
    return this.sum / this.count;
  }

  get variance(): number {
    const mean = this.mean;
    return Math.max(0, this.sumOfSquares / this.count - mean * mean);
  }
}
