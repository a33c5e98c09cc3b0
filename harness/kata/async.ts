/** Helpers for tests of asynchronous code, imported as `#kata/async` (and re-exported by `#kata/testing`). */

/** A promise and the functions that settle it, for tests that decide when async work finishes. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Lets every queued promise reaction run (a macrotask turn drains the microtask queue): call it
 * after settling a Deferred, before asserting.
 */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
