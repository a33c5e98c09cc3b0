/**
 * Where the pipeline keeps the bytes: an object store, as S3 or Google Cloud Storage would be
 * (given code). Synchronous here, so the order of every write and delete is exact in a test; a
 * real store's calls are network requests that can fail, and so can these (a test makes them).
 */
export interface ObjectStore {
  /** Writes `bytes` under `key`, replacing what was there. May throw: the write did not happen. */
  put(key: string, bytes: Uint8Array): void;
  /** Removes `key`; removing a key that is not there does nothing. */
  delete(key: string): void;
}

/** An object store in memory, for tests and examples. */
export class MemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, Uint8Array>();

  put(key: string, bytes: Uint8Array): void {
    this.objects.set(key, bytes);
  }

  delete(key: string): void {
    this.objects.delete(key);
  }

  get(key: string): Uint8Array | undefined {
    return this.objects.get(key);
  }

  has(key: string): boolean {
    return this.objects.has(key);
  }

  /** Every key held, sorted. */
  keys(): string[] {
    return [...this.objects.keys()].sort();
  }
}
