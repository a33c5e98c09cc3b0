import type { CancellableTimer } from "#kata/clock";

/** The requests of one batch, in arrival order, with the callbacks that settle each one. */
export class Batch<I, O> {
  readonly inputs: I[] = [];
  readonly resolvers: ((output: O) => void)[] = [];
  readonly rejecters: ((error: unknown) => void)[] = [];
  /** The wait of its first request; cancelled when the batch leaves by size or by flush(). */
  timer: CancellableTimer | undefined;

  add(input: I, resolve: (output: O) => void, reject: (error: unknown) => void): void {
    this.inputs.push(input);
    this.resolvers.push(resolve);
    this.rejecters.push(reject);
  }

  get size(): number {
    return this.inputs.length;
  }
}
