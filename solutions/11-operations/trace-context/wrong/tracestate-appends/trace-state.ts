import { TraceError } from "../../src/errors";

const SIMPLE_KEY = /^[a-z][a-z0-9_\-*/]{0,255}$/;
const TENANT_KEY = /^[a-z0-9][a-z0-9_\-*/]{0,240}@[a-z][a-z0-9_\-*/]{0,13}$/;
/** Printable ASCII but "," and "=", up to 256 characters, not ending in a space. */
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const MAX_ENTRIES = 32;

function isKey(key: string): boolean {
  return SIMPLE_KEY.test(key) || TENANT_KEY.test(key);
}

/**
 * The tracestate header's entries, front first (the most recently changed vendor first), in an
 * immutable list: a span's context is shared by its children, so a change makes a new one.
 */
export class TraceState {
  private constructor(private readonly list: readonly (readonly [string, string])[]) {}

  static empty(): TraceState {
    return EMPTY;
  }

  static parse(header: string | undefined): TraceState {
    if (typeof header !== "string") return EMPTY;
    const list: [string, string][] = [];
    const seen = new Set<string>();
    for (const raw of header.split(",")) {
      const member = raw.replace(/^[ \t]+|[ \t]+$/g, "");
      if (member === "") continue;
      const at = member.indexOf("=");
      if (at < 0) return EMPTY;
      const key = member.slice(0, at);
      const value = member.slice(at + 1);
      if (!isKey(key) || !VALUE.test(value) || seen.has(key)) return EMPTY;
      seen.add(key);
      list.push([key, value]);
    }
    return list.length > MAX_ENTRIES ? EMPTY : new TraceState(list);
  }

  get size(): number {
    return this.list.length;
  }

  get(key: string): string | undefined {
    return this.list.find(([k]) => k === key)?.[1];
  }

  set(key: string, value: string): TraceState {
    if (typeof key !== "string" || !isKey(key))
      throw new TraceError(
        "INVALID_TRACESTATE_ENTRY",
        `tracestate key ${JSON.stringify(key)} is not valid: lowercase letters, digits, "_", "-", "*", "/", starting with a letter, or tenant@system`,
      );
    if (typeof value !== "string" || !VALUE.test(value))
      throw new TraceError(
        "INVALID_TRACESTATE_ENTRY",
        `tracestate value ${JSON.stringify(value)} for ${key} is not valid: 1 to 256 printable characters, no "," or "=", not ending in a space`,
      );
    const rest = this.list.filter(([k]) => k !== key);
    // Wrong: a changed entry goes to the end, and the newest entry is the one dropped.
    return new TraceState([...rest, [key, value] as const].slice(0, MAX_ENTRIES));
  }

  delete(key: string): TraceState {
    return this.get(key) === undefined ? this : new TraceState(this.list.filter(([k]) => k !== key));
  }

  entries(): [string, string][] {
    return this.list.map(([k, v]) => [k, v]);
  }

  toString(): string {
    return this.list.map(([k, v]) => `${k}=${v}`).join(",");
  }
}

const EMPTY = TraceState.parse("");
