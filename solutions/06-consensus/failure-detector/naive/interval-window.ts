/**
 * Naive: the intervals in a plain array, the oldest shifted out when it is full, and the mean and
 * the variance computed afresh from all of them on every question. Correct, and O(maxSamples) per
 * phi(): with 1,000 samples, every check of every peer reads 1,000 numbers twice.
 */
export class IntervalWindow {
  private readonly values: number[] = [];

  constructor(private readonly capacity: number) {}

  add(interval: number): void {
    if (this.values.length === this.capacity) this.values.shift();
    this.values.push(interval);
  }

  get mean(): number {
    let sum = 0;
    for (const value of this.values) sum += value;
    return sum / this.values.length;
  }

  get variance(): number {
    const mean = this.mean;
    let sum = 0;
    for (const value of this.values) sum += (value - mean) * (value - mean);
    return sum / this.values.length;
  }
}
