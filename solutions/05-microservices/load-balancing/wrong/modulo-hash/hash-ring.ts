import { hash32 } from "#kata/hash32";
import type { Backend, Strategy } from "../../src/backend";

/** Wrong: hash modulo the number of healthy backends, so any change moves most keys. */
export class HashRing implements Strategy {
  choose(backends: readonly Backend[], key: string | undefined): Backend | undefined {
    const healthy = backends.filter((backend) => backend.healthy);
    if (healthy.length === 0) return undefined;
    return healthy[hash32(key as string) % healthy.length];
  }
}
