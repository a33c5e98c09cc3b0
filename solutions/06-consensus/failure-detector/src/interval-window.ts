/**
 * The latest `capacity` intervals in a ring buffer, with their sum and sum of squares kept as they
 * enter and leave, so the mean and the variance cost O(1) however large the window is.
 */
export class IntervalWindow {
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;
  private sum = 0;
  private sumOfSquares = 0;

  constructor(private readonly capacity: number) {
    this.values = new Float64Array(capacity);
  }

  add(interval: number): void {
    if (this.count === this.capacity) {
      const oldest = this.values[this.start] as number;
      this.sum -= oldest;
      this.sumOfSquares -= oldest * oldest;
      this.values[this.start] = interval;
      this.start = this.start + 1 === this.capacity ? 0 : this.start + 1;
    } else {
      // Until the ring is full nothing has left it, so it still starts at slot 0.
      this.values[this.count] = interval;
      this.count++;
    }
    this.sum += interval;
    this.sumOfSquares += interval * interval;
  }

  get mean(): number {
    return this.sum / this.count;
  }

  /** Population variance; never below 0 (the running sums can drift a hair below it). */
  get variance(): number {
    const mean = this.mean;
    return Math.max(0, this.sumOfSquares / this.count - mean * mean);
  }
}
