import { RegistryError } from "../../src/errors";
import { DEFAULTS, type Registration } from "../../src/service-registry";

const FIELDS = new Set(["host", "port", "ttlMs", "metadata"]);
const MAX_METADATA = 32;

/** A registration checked field by field, with its lease filled in and its metadata copied and frozen. */
export interface CheckedRegistration {
  readonly host: string;
  readonly port: number;
  readonly ttlMs: number;
  readonly metadata: Readonly<Record<string, string>>;
}

function invalid(message: string): RegistryError {
  return new RegistryError("INVALID_REGISTRATION", message);
}

export function checkRegistration(value: unknown, defaultTtlMs: number, maxTtlMs: number): CheckedRegistration {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(
      `a registration must be an object such as {"host": "10.0.0.7", "port": 8080}, got ${describe(value)}`,
    );
  }
  for (const field of Object.keys(value)) {
    if (!FIELDS.has(field)) {
      throw invalid(`unknown field ${JSON.stringify(field)}: a registration has host, port, ttlMs and metadata`);
    }
  }
  const { host, ttlMs, metadata } = value as Partial<Record<keyof Registration, unknown>>;
  // Wrong: "8080" is as good as 8080.
  const port = Number((value as { port?: unknown }).port);
  if (typeof host !== "string" || host === "" || host.length > 253 || /\s/.test(host)) {
    throw invalid(`host must be a host name or address (1-253 characters, no spaces), got ${describe(host)}`);
  }
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw invalid(`port must be an integer in 1..65535, got ${describe(port)}`);
  }
  const lease = ttlMs ?? defaultTtlMs;
  if (typeof lease !== "number" || !Number.isInteger(lease) || lease < DEFAULTS.minTtlMs || lease > maxTtlMs) {
    throw invalid(
      `ttlMs must be an integer number of ms in [${DEFAULTS.minTtlMs}, ${maxTtlMs}], got ${describe(ttlMs)}`,
    );
  }
  return { host, port, ttlMs: lease, metadata: checkMetadata(metadata) };
}

const NO_METADATA: Readonly<Record<string, string>> = Object.freeze({});

function checkMetadata(metadata: unknown): Readonly<Record<string, string>> {
  if (metadata === undefined) return NO_METADATA;
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
    throw invalid(
      `metadata must be an object of string labels such as {"zone": "eu-west-1a"}, got ${describe(metadata)}`,
    );
  }
  const entries = Object.entries(metadata);
  if (entries.length > MAX_METADATA) {
    throw invalid(`metadata has ${entries.length} labels; at most ${MAX_METADATA} are kept per instance`);
  }
  const copy: Record<string, string> = {};
  for (const [key, label] of entries) {
    if (key === "" || typeof label !== "string") {
      throw invalid(`metadata.${key || "(empty key)"} must be a string under a non-empty key, got ${describe(label)}`);
    }
    copy[key] = label;
  }
  return Object.freeze(copy);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
