import { notImplemented } from "#kata";

/** A wall clock: milliseconds since the Unix epoch. Tests pass a fixed one; never read Date.now(). */
export interface WallClock {
  now(): number;
}

/** A JWT's claims. The registered ones are typed; any other claim (roles, scope) is allowed. */
export interface JwtClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  [claim: string]: unknown;
}

export interface JwtOptions {
  /** The shared HMAC secret: a string (UTF-8) or bytes, at least 32 bytes (RFC 7518 section 3.2). */
  secret: string | Uint8Array;
  /** Where now comes from. Times in a token are whole seconds: now is floor(clock.now() / 1000). */
  clock: WallClock;
  /** If set, verify() demands iss === issuer. */
  issuer?: string;
  /** If set, verify() demands that aud (a string or an array) names one of these. */
  audience?: string | readonly string[];
  /** Seconds of clock skew forgiven on exp, nbf and iat; 0 by default. */
  clockToleranceSec?: number;
}

export interface SignOptions {
  /** exp = iat + expiresInSec. */
  expiresInSec?: number;
  /** nbf = iat + notBeforeSec. */
  notBeforeSec?: number;
}

/**
 * HS256 tokens (RFC 7519 on RFC 7515's compact form): `base64url(header).base64url(payload).
 * base64url(HMAC-SHA256(secret, "header.payload"))`, base64url without "=" padding. Build it on
 * node:crypto only.
 */
export class Hs256Jwt {
  /**
   * @throws AuthError INVALID_KEY for a secret shorter than 32 bytes or not a string or bytes;
   *   INVALID_OPTIONS for a missing clock, a negative or non-finite tolerance, an empty issuer or
   *   audience (or an empty list of audiences).
   */
  constructor(options: JwtOptions) {
    void options;
    notImplemented("Hs256Jwt.constructor");
  }

  /**
   * A signed token for these claims, with the header {"alg":"HS256","typ":"JWT"}. iat is now
   * unless the claims set it; exp and nbf come from the options, counted from iat.
   * @throws AuthError INVALID_CLAIMS for claims that are not a plain object, or exp, nbf or iat
   *   that is not a finite number.
   */
  sign(claims: JwtClaims, options?: SignOptions): string {
    void claims;
    void options;
    return notImplemented("Hs256Jwt.sign");
  }

  /**
   * The token's claims, if and only if: it has three base64url segments; header and payload are
   * JSON objects; the header's alg is HS256 (the verifier's choice, never the token's); the
   * signature is the HMAC of "header.payload" (compared in constant time); now < exp + tolerance;
   * nbf and iat <= now + tolerance; iss and aud are the expected ones when the verifier expects any.
   * @throws AuthError TOKEN_MALFORMED, ALGORITHM_NOT_ALLOWED, SIGNATURE_INVALID, TOKEN_EXPIRED,
   *   TOKEN_NOT_YET_VALID, ISSUER_MISMATCH or AUDIENCE_MISMATCH (README, "Bad input").
   */
  verify(token: string): JwtClaims {
    void token;
    return notImplemented("Hs256Jwt.verify");
  }
}
