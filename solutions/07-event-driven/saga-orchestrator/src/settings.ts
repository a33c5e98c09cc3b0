import { SagaError } from "./errors";
import { DEFAULTS, type SagaOptions } from "./saga-orchestrator";
import type { SagaStep } from "./steps";

export interface Settings {
  readonly maxAttempts: number;
  readonly maxCompensationAttempts: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new SagaError("INVALID_OPTION", `${name} must be an integer >= 1, got ${String(value)}`);
  }
  return value;
}

function positiveNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new SagaError("INVALID_OPTION", `${name} must be a finite number of ms > 0, got ${String(value)}`);
  }
  return value;
}

export function settingsOf<Input>(options: SagaOptions<Input>): Settings {
  if (typeof options.clock !== "function") {
    throw new SagaError("INVALID_OPTION", "clock must be a function returning ms, such as () => Date.now()");
  }
  const log: unknown = options.log;
  if (typeof log !== "object" || log === null || !("append" in log) || !("entries" in log)) {
    throw new SagaError("INVALID_OPTION", "log must have append() and entries(): pass a MemorySagaLog or your own");
  }
  const retryDelayMs = positiveNumber("retryDelayMs", options.retryDelayMs, DEFAULTS.retryDelayMs);
  const maxRetryDelayMs = positiveNumber("maxRetryDelayMs", options.maxRetryDelayMs, DEFAULTS.maxRetryDelayMs);
  if (maxRetryDelayMs < retryDelayMs) {
    throw new SagaError(
      "INVALID_OPTION",
      `maxRetryDelayMs (${maxRetryDelayMs}) must be at least retryDelayMs (${retryDelayMs}): the backoff starts at retryDelayMs`,
    );
  }
  return {
    maxAttempts: positiveInteger("maxAttempts", options.maxAttempts, DEFAULTS.maxAttempts),
    maxCompensationAttempts: positiveInteger(
      "maxCompensationAttempts",
      options.maxCompensationAttempts,
      DEFAULTS.maxCompensationAttempts,
    ),
    retryDelayMs,
    maxRetryDelayMs,
  };
}

/** The steps checked, and each one's position by name. */
export function stepIndexOf<Input>(steps: readonly SagaStep<Input>[]): Map<string, number> {
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new SagaError("INVALID_STEP", "steps must be a non-empty array: a saga needs at least one step");
  }
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    if (typeof step.name !== "string" || step.name === "") {
      throw new SagaError("INVALID_STEP", `steps[${i}] has no name: give every step a non-empty name`);
    }
    if (index.has(step.name)) {
      throw new SagaError(
        "INVALID_STEP",
        `steps[${i}] is named ${JSON.stringify(step.name)} like steps[${String(index.get(step.name))}]: the log tells steps apart by name, so names must be unique`,
      );
    }
    if (typeof step.run !== "function" || typeof step.compensate !== "function") {
      throw new SagaError(
        "INVALID_STEP",
        `steps[${i}] (${step.name}) needs both run() and compensate() functions: a step nobody can undo cannot be part of a saga`,
      );
    }
    index.set(step.name, i);
  });
  return index;
}
