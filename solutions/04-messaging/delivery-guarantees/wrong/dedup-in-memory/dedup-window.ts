/**
 * The mistake: the dedup window is a Map in memory. It works until the consumer restarts: every
 * key is forgotten, and a redelivery of a message applied just before the crash (its ack had not
 * left yet) is applied a second time.
 */
import type { StableStorage } from "#kata/sim";
import { DedupWindow as Reference } from "../../src/dedup-window";

const scratch = (): StableStorage => {
  const data = new Map<string, unknown>();
  return { get: <T>(key: string) => data.get(key) as T | undefined, set: (key, value) => void data.set(key, value) };
};

export class DedupWindow extends Reference {
  constructor(storage: StableStorage, windowMs: number) {
    void storage;
    super(scratch(), windowMs);
  }
}
