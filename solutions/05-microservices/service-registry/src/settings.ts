import { RegistryError } from "./errors";
import { DEFAULTS, type RegistryOptions } from "./service-registry";

export interface Settings {
  readonly clock: () => number;
  readonly defaultTtlMs: number;
  readonly maxTtlMs: number;
}

export function settingsOf(options: RegistryOptions): Settings {
  const clock = options.clock ?? Date.now;
  if (typeof clock !== "function") {
    throw new RegistryError("INVALID_OPTION", "clock must be a function returning ms, such as () => Date.now()");
  }
  const maxTtlMs = options.maxTtlMs ?? DEFAULTS.maxTtlMs;
  if (!Number.isInteger(maxTtlMs) || maxTtlMs < DEFAULTS.minTtlMs) {
    throw new RegistryError(
      "INVALID_OPTION",
      `maxTtlMs must be an integer >= ${DEFAULTS.minTtlMs} ms, got ${String(maxTtlMs)}`,
    );
  }
  const defaultTtlMs = options.defaultTtlMs ?? Math.min(DEFAULTS.defaultTtlMs, maxTtlMs);
  if (!Number.isInteger(defaultTtlMs) || defaultTtlMs < DEFAULTS.minTtlMs || defaultTtlMs > maxTtlMs) {
    throw new RegistryError(
      "INVALID_OPTION",
      `defaultTtlMs must be an integer in [${DEFAULTS.minTtlMs}, maxTtlMs = ${maxTtlMs}] ms, got ${String(defaultTtlMs)}`,
    );
  }
  return { clock, defaultTtlMs, maxTtlMs };
}
