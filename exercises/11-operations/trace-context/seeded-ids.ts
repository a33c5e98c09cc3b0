/** Given test helper: ids from a seeded generator, so every run makes the same trace ids. */
import { Prng } from "#kata/sim";
import type { IdSource } from "./src/trace-context";

const hex8 = (n: number): string => n.toString(16).padStart(8, "0");

export class SeededIds implements IdSource {
  private readonly prng: Prng;

  constructor(seed: number) {
    this.prng = new Prng(seed);
  }

  traceId(): string {
    return (
      hex8(this.prng.nextUint32()) +
      hex8(this.prng.nextUint32()) +
      hex8(this.prng.nextUint32()) +
      hex8((this.prng.nextUint32() | 1) >>> 0)
    );
  }

  spanId(): string {
    return hex8(this.prng.nextUint32()) + hex8((this.prng.nextUint32() | 1) >>> 0);
  }
}
