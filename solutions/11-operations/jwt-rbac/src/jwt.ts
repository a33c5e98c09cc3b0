import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { expectedMac } from "./algorithm";
import { audienceMatches } from "./audience";
import { decodeJsonObject, decodeSegment, encodeJson } from "./base64url";
import { AuthError } from "./errors";
import { signaturesMatch } from "./signature";
import { checkTimes } from "./time-claims";

/** A wall clock: milliseconds since the Unix epoch. Tests pass a fixed one. */
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
  /** Where now comes from. */
  clock: WallClock;
  /** If set, verify() demands iss === issuer. */
  issuer?: string;
  /** If set, verify() demands that aud names one of these. */
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

const HEADER = encodeJson({ alg: "HS256", typ: "JWT" });

function secretKey(secret: unknown): KeyObject {
  let bytes: Buffer;
  if (typeof secret === "string") bytes = Buffer.from(secret, "utf8");
  else if (secret instanceof Uint8Array) bytes = Buffer.from(secret);
  else throw new AuthError("INVALID_KEY", `the secret must be a string or bytes, got ${typeof secret}`);
  if (bytes.length < 32) {
    throw new AuthError(
      "INVALID_KEY",
      `the HS256 secret is ${bytes.length} bytes; use at least 32 random bytes (crypto.randomBytes(32))`,
    );
  }
  return createSecretKey(bytes);
}

function nonEmpty(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") {
    throw new AuthError("INVALID_OPTIONS", `${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function timeClaim(claims: Record<string, unknown>, name: string): void {
  const value = claims[name];
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new AuthError(
      "INVALID_CLAIMS",
      `${name} must be a number of seconds since the epoch, got ${JSON.stringify(value)}`,
    );
  }
}

/** HS256 tokens: sign and verify with one shared secret. */
export class Hs256Jwt {
  private readonly key: KeyObject;
  private readonly clock: WallClock;
  private readonly issuer: string | undefined;
  private readonly audiences: ReadonlySet<string> | undefined;
  private readonly tolerance: number;

  constructor(options: JwtOptions) {
    this.key = secretKey(options.secret);
    if (typeof options.clock?.now !== "function") {
      throw new AuthError("INVALID_OPTIONS", "clock must be an object with now() in epoch milliseconds");
    }
    this.clock = options.clock;
    this.issuer = options.issuer === undefined ? undefined : nonEmpty(options.issuer, "issuer");
    if (options.audience !== undefined) {
      const list = typeof options.audience === "string" ? [options.audience] : [...options.audience];
      if (list.length === 0) throw new AuthError("INVALID_OPTIONS", "audience must name at least one audience");
      this.audiences = new Set(list.map((one) => nonEmpty(one, "each audience")));
    }
    const tolerance = options.clockToleranceSec ?? 0;
    if (!Number.isFinite(tolerance) || tolerance < 0) {
      throw new AuthError("INVALID_OPTIONS", `clockToleranceSec must be a finite number >= 0, got ${tolerance}`);
    }
    this.tolerance = tolerance;
  }

  /** Now in whole seconds, as exp, nbf and iat are written. */
  private nowSec(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** A signed token for these claims; iat is now unless the claims set it. */
  sign(claims: JwtClaims, options: SignOptions = {}): string {
    if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
      throw new AuthError("INVALID_CLAIMS", `claims must be a plain object, got ${JSON.stringify(claims)}`);
    }
    const payload: Record<string, unknown> = { ...claims };
    payload["iat"] ??= this.nowSec();
    timeClaim(payload, "iat");
    const iat = payload["iat"] as number;
    if (options.expiresInSec !== undefined) payload["exp"] = iat + options.expiresInSec;
    if (options.notBeforeSec !== undefined) payload["nbf"] = iat + options.notBeforeSec;
    timeClaim(payload, "exp");
    timeClaim(payload, "nbf");
    const signingInput = `${HEADER}.${encodeJson(payload)}`;
    return `${signingInput}.${createHmac("sha256", this.key).update(signingInput).digest("base64url")}`;
  }

  /** The token's claims, once its algorithm, signature, times, issuer and audience all check out. */
  verify(token: string): JwtClaims {
    if (typeof token !== "string") {
      throw new AuthError("TOKEN_MALFORMED", `a token is a string, got ${typeof token}`);
    }
    const first = token.indexOf(".");
    const second = token.indexOf(".", first + 1);
    if (first < 0 || second < 0 || token.includes(".", second + 1)) {
      throw new AuthError(
        "TOKEN_MALFORMED",
        `a JWS compact token has three segments (header.payload.signature), got ${token.split(".").length}`,
      );
    }
    const header = decodeJsonObject(token.slice(0, first), "header");
    const signingInput = token.slice(0, second);
    const mac = expectedMac(header, this.key, signingInput);
    if (!signaturesMatch(mac, decodeSegment(token.slice(second + 1), "signature"))) {
      throw new AuthError(
        "SIGNATURE_INVALID",
        "the signature does not match the header and payload: the token was altered or signed with another key",
      );
    }
    const payload = decodeJsonObject(token.slice(first + 1, second), "payload");
    for (const name of ["exp", "nbf", "iat"]) {
      const value = payload[name];
      if (value !== undefined && typeof value !== "number") {
        throw new AuthError("TOKEN_MALFORMED", `the token's ${name} must be a number, got ${JSON.stringify(value)}`);
      }
    }
    checkTimes(payload, this.nowSec(), this.tolerance);
    if (this.issuer !== undefined && payload["iss"] !== this.issuer) {
      throw new AuthError(
        "ISSUER_MISMATCH",
        `the token's iss is ${JSON.stringify(payload["iss"])}; this verifier accepts ${JSON.stringify(this.issuer)}`,
      );
    }
    if (this.audiences !== undefined && !audienceMatches(payload["aud"], this.audiences)) {
      throw new AuthError(
        "AUDIENCE_MISMATCH",
        `the token's aud is ${JSON.stringify(payload["aud"])}; this verifier accepts ${JSON.stringify([...this.audiences])}`,
      );
    }
    return payload as JwtClaims;
  }
}
