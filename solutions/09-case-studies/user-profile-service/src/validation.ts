import { ProfileError } from "./errors";
import { DEFAULT_TTL_MS, FIELD_LIMITS, PROFILE_FIELDS, type ProfileChanges } from "./profile";
import type { UserProfileServiceOptions } from "./stores";

/** The methods the service calls on each thing it is given. */
const NEEDED = {
  primary: ["read", "update"],
  replica: ["read"],
  cache: ["get", "set", "delete"],
  events: ["publish"],
  clock: ["now"],
} as const;

/** A value as a message shows it: a number as itself (NaN too), else JSON ("", null, {"a":1}), else its String. */
function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** Checks the options; returns the cache TTL (the default when none is given). */
export function checkOptions(options: UserProfileServiceOptions): number {
  const given = (options ?? {}) as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const [name, methods] of Object.entries(NEEDED)) {
    const dependency = given[name];
    const missing = methods.filter((method) => typeof dependency?.[method] !== "function");
    if (missing.length > 0) {
      throw new ProfileError(
        "INVALID_OPTIONS",
        `options.${name} must be an object with the methods ${methods.join(", ")}, but ` +
          (dependency === undefined ? "it is missing" : `it has no ${missing.join(", ")}`),
      );
    }
  }
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) {
    throw new ProfileError(
      "INVALID_TTL",
      `options.ttlMs must be a positive whole number of milliseconds (leave it out for one hour, ${DEFAULT_TTL_MS}), got ${show(ttlMs)}`,
    );
  }
  return ttlMs;
}

export function checkUserId(userId: unknown): void {
  if (typeof userId !== "string" || userId === "") {
    throw new ProfileError("INVALID_USER_ID", `user ids are non-empty strings, got ${show(userId)}`);
  }
}

export function unknownUser(userId: string): ProfileError {
  return new ProfileError("UNKNOWN_USER", `there is no user ${show(userId)}`);
}

/** Checks an update's changes; returns a copy holding exactly the fields given. */
export function checkChanges(changes: unknown): ProfileChanges {
  const fields = PROFILE_FIELDS.join(", ");
  if (typeof changes !== "object" || changes === null || Array.isArray(changes)) {
    throw new ProfileError(
      "INVALID_CHANGES",
      `changes must be an object of the fields to change (${fields}), got ${show(changes)}`,
    );
  }
  const given = changes as Record<string, unknown>;
  const names = Object.keys(given);
  const unknown = names.filter((name) => !(PROFILE_FIELDS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new ProfileError(
      "INVALID_CHANGES",
      `a profile update may change only ${fields}; ${unknown.join(", ")} cannot be changed here`,
    );
  }
  if (names.length === 0) {
    throw new ProfileError("INVALID_CHANGES", `changes has no field: give at least one of ${fields}`);
  }
  const valid: ProfileChanges = {};
  if ("displayName" in given) valid.displayName = checkText("displayName", given.displayName, true);
  if ("bio" in given) valid.bio = checkText("bio", given.bio, false);
  if ("avatarUrl" in given) valid.avatarUrl = given.avatarUrl === null ? null : checkAvatarUrl(given.avatarUrl);
  return valid;
}

function checkText(field: "displayName" | "bio", value: unknown, required: boolean): string {
  if (typeof value !== "string") {
    throw new ProfileError("INVALID_FIELD", `${field} must be a string, got ${show(value)}`);
  }
  checkLength(field, value);
  if (required && value.trim() === "") {
    throw new ProfileError("INVALID_FIELD", `${field} cannot be empty or blank, got ${show(value)}`);
  }
  return value;
}

function checkAvatarUrl(value: unknown): string {
  if (typeof value !== "string" || !isHttpsUrl(value)) {
    throw new ProfileError(
      "INVALID_FIELD",
      `avatarUrl must be an https URL, or null for the default picture, got ${show(value)}`,
    );
  }
  checkLength("avatarUrl", value);
  return value;
}

/** Limits count characters as Unicode code points, as the database's VARCHAR does (an emoji is one). */
function checkLength(field: keyof typeof FIELD_LIMITS, value: string): void {
  const length = [...value].length;
  if (length > FIELD_LIMITS[field]) {
    throw new ProfileError(
      "INVALID_FIELD",
      `${field} is ${length} characters long; the limit is ${FIELD_LIMITS[field]}`,
    );
  }
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
}
