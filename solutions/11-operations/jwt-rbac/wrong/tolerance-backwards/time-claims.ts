import { AuthError } from "../../src/errors";

/**
 * Wrong: the tolerance shrinks the window instead of widening it.
 * exp, nbf and iat against now, all in whole seconds, with the tolerance widening the window on
 * both sides: a token is expired once now >= exp + tolerance (RFC 7519: "on or after"), not yet
 * valid while nbf > now + tolerance, and issued in the future while iat > now + tolerance.
 */
export function checkTimes(payload: Record<string, unknown>, nowSec: number, toleranceSec: number): void {
  const { exp, nbf, iat } = payload;
  if (typeof exp === "number" && nowSec >= exp - toleranceSec) {
    throw new AuthError(
      "TOKEN_EXPIRED",
      `the token expired at ${exp} (now ${nowSec}, tolerance ${toleranceSec} s); ask the issuer for a new one`,
    );
  }
  if (typeof nbf === "number" && nbf > nowSec - toleranceSec) {
    throw new AuthError(
      "TOKEN_NOT_YET_VALID",
      `the token is not valid before ${nbf} (now ${nowSec}, tolerance ${toleranceSec} s)`,
    );
  }
  if (typeof iat === "number" && iat > nowSec - toleranceSec) {
    throw new AuthError(
      "TOKEN_NOT_YET_VALID",
      `the token says it was issued at ${iat}, in the future (now ${nowSec}, tolerance ${toleranceSec} s)`,
    );
  }
}
