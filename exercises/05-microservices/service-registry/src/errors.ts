import { CodedError } from "#kata";

/**
 * The errors the registry raises. Given code: use it as it is.
 *
 * Each carries a `code` a caller (and the HTTP layer) can switch on, and a message that says what
 * was wrong and what to do instead. The HTTP API answers each with the status in the comment.
 */
export type RegistryErrorCode =
  | "INVALID_OPTION" // a registry option out of range (the message names it)
  | "INVALID_NAME" // 400: a service name or instance id that is not 1-64 of [A-Za-z0-9._-], starting with a letter or digit
  | "INVALID_REGISTRATION" // 400: host, port, ttlMs or metadata missing or malformed (the message names the field)
  | "INVALID_STATUS" // 400: a heartbeat status other than "passing" or "critical"
  | "UNKNOWN_INSTANCE"; // 404: no such instance, or its lease expired: register it again

export class RegistryError extends CodedError<RegistryErrorCode> {
  override readonly name = "RegistryError";
}

/** The status each code is answered with over HTTP. */
export const HTTP_STATUS: Record<RegistryErrorCode, number> = {
  INVALID_OPTION: 400,
  INVALID_NAME: 400,
  INVALID_REGISTRATION: 400,
  INVALID_STATUS: 400,
  UNKNOWN_INSTANCE: 404,
};
