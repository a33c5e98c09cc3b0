import jsonwebtoken from "jsonwebtoken";
import { createHmac } from "node:crypto";
import { ensure } from "#kata/testing";
import { AuthError, type AuthErrorCode } from "./src/errors";
import { Hs256Jwt, type JwtOptions } from "./src/jwt";
import { Rbac } from "./src/rbac";

const SECRET = "hidden-test-secret-32-bytes-long-ok";
const NOW_SEC = 1_750_000_000;
const at = (sec: number) => ({ now: () => sec * 1000 });
const jwt = (options: Partial<JwtOptions> = {}) => new Hs256Jwt({ secret: SECRET, clock: at(NOW_SEC), ...options });

function outcome(verifier: Hs256Jwt, token: string): AuthErrorCode | "accepted" {
  try {
    verifier.verify(token);
    return "accepted";
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
}

/** jsonwebtoken's verdict on a token at NOW_SEC: "accepted" or its error's name. */
function theirs(token: string, options: jsonwebtoken.VerifyOptions = {}): string {
  try {
    jsonwebtoken.verify(token, SECRET, { algorithms: ["HS256"], clockTimestamp: NOW_SEC, ...options });
    return "accepted";
  } catch (error) {
    return (error as Error).name;
  }
}

describe("agreement with jsonwebtoken", () => {
  test("tokens jsonwebtoken signs verify here, claims intact", () => {
    const token = jsonwebtoken.sign(
      { sub: "ada", roles: ["editor"], aud: ["a", "b"], iss: "idp", iat: NOW_SEC },
      SECRET,
      {
        algorithm: "HS256",
        expiresIn: 300,
        notBefore: 0,
      },
    );
    const verdict = outcome(jwt({ issuer: "idp", audience: "b" }), token);
    ensure(verdict === "accepted", `a token jsonwebtoken signed (exp, nbf, iat, aud array) was ${verdict} here`);
    const claims = jwt().verify(token);
    ensure(
      claims.exp === NOW_SEC + 300 && claims.sub === "ada",
      `claims should survive the round trip, got ${JSON.stringify(claims)}`,
    );
  });

  test("tokens signed here verify with jsonwebtoken, with the same claims", () => {
    const token = jwt().sign({ sub: "bob", aud: "api", iss: "idp" }, { expiresInSec: 60, notBeforeSec: 0 });
    const decoded = jsonwebtoken.verify(token, SECRET, {
      algorithms: ["HS256"],
      clockTimestamp: NOW_SEC,
      audience: "api",
      issuer: "idp",
    }) as jsonwebtoken.JwtPayload;
    ensure(
      decoded.sub === "bob" && decoded.exp === NOW_SEC + 60 && decoded.iat === NOW_SEC,
      `jsonwebtoken read ${JSON.stringify(decoded)}`,
    );
  });

  test("expired tokens: both refuse from the exp instant on, both accept the second before, tolerance included", () => {
    const token = jsonwebtoken.sign({ iat: NOW_SEC - 100, exp: NOW_SEC }, SECRET);
    ensure(theirs(token) === "TokenExpiredError", "jsonwebtoken refuses at the exp instant");
    ensure(
      outcome(jwt(), token) === "TOKEN_EXPIRED",
      `jsonwebtoken refuses a token at its exp instant; this verifier said ${outcome(jwt(), token)}: compare now >= exp, not now > exp`,
    );
    const tolerated = jsonwebtoken.sign({ iat: NOW_SEC - 100, exp: NOW_SEC - 9 }, SECRET);
    ensure(
      theirs(tolerated, { clockTolerance: 10 }) === "accepted",
      "jsonwebtoken accepts 9 s past exp with 10 s tolerance",
    );
    ensure(
      outcome(jwt({ clockToleranceSec: 10 }), tolerated) === "accepted",
      "9 s past exp with a 10 s tolerance jsonwebtoken accepts; the tolerance extends the window",
    );
    const edge = jsonwebtoken.sign({ iat: NOW_SEC - 100, exp: NOW_SEC - 10 }, SECRET);
    ensure(theirs(edge, { clockTolerance: 10 }) === "TokenExpiredError", "jsonwebtoken refuses at exp + tolerance");
    ensure(
      outcome(jwt({ clockToleranceSec: 10 }), edge) === "TOKEN_EXPIRED",
      "at exp + tolerance both refuse: compare now >= exp + tolerance, not now > exp + tolerance",
    );
  });

  test("wrong audience and issuer: both refuse; an aud array with a match: both accept", () => {
    const token = jsonwebtoken.sign({ aud: ["billing", "orders"], iss: "idp", iat: NOW_SEC }, SECRET);
    ensure(theirs(token, { audience: "orders" }) === "accepted", "jsonwebtoken accepts an aud array with a match");
    ensure(
      outcome(jwt({ audience: "orders" }), token) === "accepted",
      "jsonwebtoken accepts this aud array (it names orders); RFC 7519 allows aud as an array",
    );
    ensure(theirs(token, { audience: "search" }) === "JsonWebTokenError", "jsonwebtoken refuses a wrong audience");
    ensure(outcome(jwt({ audience: "search" }), token) === "AUDIENCE_MISMATCH", "a wrong audience must be refused");
    ensure(
      outcome(jwt({ audience: ["search", "billing"] }), token) === "accepted",
      "a verifier that accepts several audiences matches any of them",
    );
    ensure(
      outcome(jwt({ issuer: "other" }), token) === "ISSUER_MISMATCH",
      "jsonwebtoken refuses a wrong issuer; so must this verifier",
    );
  });

  test("jsonwebtoken's own HS512 and alg-none tokens are refused", () => {
    const hs512 = jsonwebtoken.sign({ sub: "x", iat: NOW_SEC }, SECRET, { algorithm: "HS512" });
    ensure(
      outcome(jwt(), hs512) === "ALGORITHM_NOT_ALLOWED",
      `jsonwebtoken's HS512 token was ${outcome(jwt(), hs512)}: the verifier takes alg from the header; only HS256`,
    );
    const none = jsonwebtoken.sign({ sub: "x", iat: NOW_SEC }, null, { algorithm: "none" });
    ensure(
      outcome(jwt(), none) === "ALGORITHM_NOT_ALLOWED",
      `an alg none token was ${outcome(jwt(), none)}: the verifier takes alg from the header`,
    );
  });
});

describe("edges", () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const forge = (header: unknown, payload: unknown) => {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${createHmac("sha256", SECRET).update(input).digest("base64url")}`;
  };

  test("a header with no alg, or alg in another case, is ALGORITHM_NOT_ALLOWED", () => {
    for (const header of [{ typ: "JWT" }, { alg: "hs256" }, { alg: "None" }]) {
      const code = outcome(jwt(), forge(header, { sub: "x" }));
      ensure(
        code === "ALGORITHM_NOT_ALLOWED",
        `header ${JSON.stringify(header)} was ${code}: only the exact "HS256" is allowed`,
      );
    }
  });

  test("a signature with every bit flipped in turn is refused", () => {
    const token = jwt().sign({ sub: "x" });
    const cut = token.lastIndexOf(".") + 1;
    const bytes = Buffer.from(token.slice(cut), "base64url");
    for (const index of [0, 15, 31]) {
      const flipped = Buffer.from(bytes);
      flipped[index] = (flipped[index] as number) ^ 1;
      ensure(
        outcome(jwt(), token.slice(0, cut) + flipped.toString("base64url")) === "SIGNATURE_INVALID",
        `byte ${index} flipped must be SIGNATURE_INVALID`,
      );
    }
  });

  test("time claims that are not numbers make a signed token malformed; sign refuses them", () => {
    const code = outcome(jwt(), forge({ alg: "HS256" }, { exp: "never" }));
    ensure(code === "TOKEN_MALFORMED", `exp "never" was ${code}: a string exp must not mean "no expiry"`);
    let signed = "";
    try {
      jwt().sign({ exp: Number.NaN });
    } catch (error) {
      if (error instanceof AuthError) signed = error.code;
    }
    ensure(signed === "INVALID_CLAIMS", `sign({ exp: NaN }) should be INVALID_CLAIMS, got ${signed || "no error"}`);
  });

  test("a diamond hierarchy is not a cycle, and a long chain resolves to its root", () => {
    const rbac = new Rbac({
      base: { permissions: ["read"] },
      left: { inherits: ["base"] },
      right: { inherits: ["base"] },
      top: { inherits: ["left", "right"], permissions: ["admin"] },
    });
    ensure(
      rbac.can(["top"], "read"),
      "a diamond (top -> left, right -> base) is a hierarchy, not a cycle: top can read",
    );
    const chain: Record<string, { inherits?: string[]; permissions?: string[] }> = { r0: { permissions: ["root"] } };
    for (let i = 1; i < 30; i++) chain[`r${i}`] = { inherits: [`r${i - 1}`] };
    ensure(
      new Rbac(chain).can(["r29"], "root"),
      "r29 inherits r0's permission through 28 roles: inheritance that stops at one level misses it",
    );
  });
});
