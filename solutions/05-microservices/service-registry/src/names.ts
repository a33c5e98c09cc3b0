import { RegistryError } from "./errors";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A service name or an instance id: 1-64 of [A-Za-z0-9._-], starting with a letter or a digit. */
export function checkName(what: "service" | "instanceId", value: unknown): asserts value is string {
  if (typeof value !== "string" || !NAME.test(value)) {
    throw new RegistryError(
      "INVALID_NAME",
      `${what} ${JSON.stringify(value) ?? String(value)} is not a name: use 1-64 characters of letters, digits, ".", "_" and "-", starting with a letter or a digit`,
    );
  }
}
