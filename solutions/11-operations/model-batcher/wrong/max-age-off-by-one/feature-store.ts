import { ServingError } from "../../src/errors";
import { FeatureHistory } from "../../src/feature-history";
import type { LabelEvent, TrainingRow } from "../../src/model-batcher";

function checkName(what: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new ServingError(
      "INVALID_FEATURE",
      `${what} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
}

function checkNumber(what: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ServingError("INVALID_FEATURE", `${what} must be a finite number, got ${String(value)}`);
  }
}

function checkMaxAge(maxAgeMs: unknown): void {
  if (maxAgeMs === undefined) return;
  if (typeof maxAgeMs !== "number" || !Number.isFinite(maxAgeMs) || maxAgeMs < 0) {
    throw new ServingError(
      "INVALID_FEATURE",
      `maxAgeMs must be a finite number >= 0 when given, got ${String(maxAgeMs)}`,
    );
  }
}

/**
 * An offline feature store with point-in-time reads, as Feast's and Tecton's historical retrieval
 * work: every feature value is kept with its event time, and a read "as of" a time returns the
 * value the entity had then, never one from later. A model trained on values from the future
 * (a fraud score computed after the fraud was confirmed) looks excellent offline and fails in
 * production: the leak the point-in-time join exists to prevent.
 *
 * - Values may arrive out of order (late data): each lands at its event time. A second value for
 *   the same entity, feature and event time replaces the first (a correction).
 * - getAsOf(entity, feature, asOf) is the value with the latest event time <= asOf; undefined
 *   when there is none, or when maxAgeMs is given and that value's event time is before
 *   asOf - maxAgeMs (too old to trust; a value exactly maxAgeMs old still counts).
 */
export class FeatureStore {
  /** entity id, then feature name. */
  private readonly histories = new Map<string, Map<string, FeatureHistory>>();

  write(entityId: string, feature: string, value: number, eventTime: number): void {
    checkName("entityId", entityId);
    checkName("feature", feature);
    checkNumber("value", value);
    checkNumber("eventTime", eventTime);
    let features = this.histories.get(entityId);
    if (features === undefined) {
      features = new Map();
      this.histories.set(entityId, features);
    }
    let history = features.get(feature);
    if (history === undefined) {
      history = new FeatureHistory();
      features.set(feature, history);
    }
    history.write(eventTime, value);
  }

  getAsOf(entityId: string, feature: string, asOf: number, maxAgeMs?: number): number | undefined {
    checkName("entityId", entityId);
    checkName("feature", feature);
    checkNumber("asOf", asOf);
    checkMaxAge(maxAgeMs);
    return this.read(entityId, feature, asOf, maxAgeMs);
  }

  trainingRows(labels: readonly LabelEvent[], features: readonly string[], maxAgeMs?: number): TrainingRow[] {
    checkMaxAge(maxAgeMs);
    for (const feature of features) checkName("feature", feature);
    for (const label of labels) {
      checkName("label entityId", label.entityId);
      checkNumber("label time", label.time);
      checkNumber("label", label.label);
    }
    return labels.map(({ entityId, time, label }) => {
      const row: Record<string, number | undefined> = {};
      for (const feature of features) row[feature] = this.read(entityId, feature, time, maxAgeMs);
      return { entityId, time, label, features: row };
    });
  }

  private read(entityId: string, feature: string, asOf: number, maxAgeMs: number | undefined): number | undefined {
    const found = this.histories.get(entityId)?.get(feature)?.floor(asOf);
    if (found === undefined) return undefined;
    // Too old to trust: its event time is before the window [asOf - maxAgeMs, asOf].
    // Wrong: a value exactly maxAgeMs old is already too old.
    if (maxAgeMs !== undefined && found.time <= asOf - maxAgeMs) return undefined;
    return found.value;
  }
}
