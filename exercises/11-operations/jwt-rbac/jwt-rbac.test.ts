import { createHmac } from "node:crypto";
import { ensure } from "#kata/testing";
import { AuthError, type AuthErrorCode } from "./src/errors";
import { Hs256Jwt, type JwtOptions } from "./src/jwt";
import { Rbac } from "./src/rbac";

const SECRET = "a-32-byte-secret-for-the-tests!!";
const NOW_SEC = 1_800_000_000;
const at = (sec: number) => ({ now: () => sec * 1000 });

function jwt(options: Partial<JwtOptions> = {}): Hs256Jwt {
  return new Hs256Jwt({ secret: SECRET, clock: at(NOW_SEC), ...options });
}

const b64 = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const mac = (input: string, hash = "sha256", secret = SECRET) =>
  createHmac(hash, secret).update(input).digest("base64url");

/** A token built by hand, as an attacker would: any header, any payload, signed with any hash. */
function forge(header: unknown, payload: unknown, hash = "sha256"): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${mac(input, hash)}`;
}

/** The code verify() refuses the token with, or "accepted". */
function outcome(verifier: Hs256Jwt, token: string): AuthErrorCode | "accepted" {
  try {
    verifier.verify(token);
    return "accepted";
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
}

describe("sign and verify", () => {
  test("a token signed here verifies and returns its claims, iat set from the injected clock", () => {
    const subject = jwt();
    const claims = subject.verify(subject.sign({ sub: "ada", roles: ["editor"] }, { expiresInSec: 600 }));
    ensure(
      claims.sub === "ada" && claims.iat === NOW_SEC,
      `verify should return the claims with iat = ${NOW_SEC} (the clock's seconds), got ${JSON.stringify(claims)}`,
    );
    ensure(claims.exp === NOW_SEC + 600, `expiresInSec 600 should give exp = iat + 600, got ${claims.exp}`);
  });

  test("the token is three base64url segments without padding, header {alg: HS256, typ: JWT}", () => {
    const token = jwt().sign({ sub: "a" });
    const parts = token.split(".");
    ensure(
      parts.length === 3 && /^[A-Za-z0-9_-]+$/.test(parts.join("")),
      `a JWS compact token is three base64url segments with no "=", "+" or "/", got ${token}`,
    );
    const header = JSON.parse(Buffer.from(parts[0] as string, "base64url").toString()) as Record<string, unknown>;
    ensure(
      header["alg"] === "HS256" && header["typ"] === "JWT",
      `the header should be {"alg":"HS256","typ":"JWT"}, got ${JSON.stringify(header)}`,
    );
    ensure(
      parts[2] === mac(`${parts[0]}.${parts[1]}`),
      "the signature is HMAC-SHA256 of 'header.payload' under the secret, base64url without padding",
    );
  });

  test("a token built by hand with the right HMAC verifies", () => {
    const token = forge({ alg: "HS256", typ: "JWT" }, { sub: "x" });
    ensure(outcome(jwt(), token) === "accepted", "a correctly signed HS256 token must verify, whoever encoded it");
  });
});

describe("classic attacks", () => {
  test('alg "none" with an empty signature is refused with ALGORITHM_NOT_ALLOWED', () => {
    const token = `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "admin" })}.`;
    const code = outcome(jwt(), token);
    ensure(
      code === "ALGORITHM_NOT_ALLOWED",
      `an unsigned token (alg none) was ${code}: the verifier takes alg from the header; it must use HS256 whatever the token says`,
    );
  });

  test("algorithm confusion: an HS512 or RS256 header is refused even when its MAC is right for that algorithm", () => {
    const hs512 = forge({ alg: "HS512", typ: "JWT" }, { sub: "admin" }, "sha512");
    ensure(
      outcome(jwt(), hs512) === "ALGORITHM_NOT_ALLOWED",
      `a token signed with HS512 under the same key was ${outcome(jwt(), hs512)}: the verifier takes alg from the header; only HS256 is allowed`,
    );
    const rs256 = forge({ alg: "RS256", typ: "JWT" }, { sub: "admin" });
    ensure(
      outcome(jwt(), rs256) === "ALGORITHM_NOT_ALLOWED",
      `an RS256 header was ${outcome(jwt(), rs256)}: the verifier takes alg from the header; only HS256 is allowed`,
    );
  });

  test("a modified payload or header is refused with SIGNATURE_INVALID", () => {
    const subject = jwt();
    const [header, , signature] = subject.sign({ sub: "ada", role: "user" }).split(".");
    const payload = `${header}.${b64({ sub: "ada", role: "admin", iat: NOW_SEC })}.${signature}`;
    ensure(
      outcome(subject, payload) === "SIGNATURE_INVALID",
      `a payload changed after signing was ${outcome(subject, payload)}`,
    );
    const [, body, sig] = subject.sign({ sub: "ada" }).split(".");
    const headerChanged = `${b64({ alg: "HS256", typ: "JWT", kid: "other" })}.${body}.${sig}`;
    ensure(
      outcome(subject, headerChanged) === "SIGNATURE_INVALID",
      `a header changed after signing was ${outcome(subject, headerChanged)}: the MAC covers the header too`,
    );
  });

  test("a token signed with another secret is refused with SIGNATURE_INVALID", () => {
    const other = new Hs256Jwt({ secret: "another-32-byte-secret-0123456789", clock: at(NOW_SEC) });
    ensure(
      outcome(jwt(), other.sign({ sub: "x" })) === "SIGNATURE_INVALID",
      "a token signed under another key must not verify",
    );
  });

  test("a signature of the wrong length is refused: truncated, empty, one byte, or with bytes appended", () => {
    const token = jwt().sign({ sub: "x" });
    const cut = token.lastIndexOf(".") + 1;
    const signature = Buffer.from(token.slice(cut), "base64url");
    const cases: Record<string, Buffer> = {
      "16 bytes (the first half)": signature.subarray(0, 16),
      "1 byte": signature.subarray(0, 1),
      "0 bytes": Buffer.alloc(0),
      "33 bytes (one appended)": Buffer.concat([signature, Buffer.from([0])]),
    };
    for (const [what, bytes] of Object.entries(cases)) {
      const code = outcome(jwt(), token.slice(0, cut) + bytes.toString("base64url"));
      ensure(
        code === "SIGNATURE_INVALID",
        `a signature of ${what} was ${code}: compare the whole MAC, lengths first, then crypto.timingSafeEqual; a compare that loops over the shorter or the given length accepts a truncated signature`,
      );
    }
  });
});

describe("malformed tokens", () => {
  test.each([
    ["two segments", (t: string) => t.split(".").slice(0, 2).join(".")],
    ["four segments", (t: string) => `${t}.x`],
    ["a header that is not base64url", (t: string) => `!!${t}`],
    ["a signature with base64 '+' and '/'", (t: string) => `${t.slice(0, t.lastIndexOf(".") + 1)}ab+/cd`],
    ["padding", (t: string) => `${t}=`],
    ["an empty string", () => ""],
  ])("%s: TOKEN_MALFORMED", (what, mangle) => {
    const code = outcome(jwt(), mangle(jwt().sign({ sub: "x" })));
    ensure(code === "TOKEN_MALFORMED", `${what} was ${code}; a malformed token is TOKEN_MALFORMED`);
  });

  test.each([
    ["an array", [1, 2]],
    ["a number", 42],
    ["null", null],
    ["not JSON", "{sub:"],
  ])("a header or payload that is %s: TOKEN_MALFORMED", (what, value) => {
    const asHeader = forge(value, { sub: "x" });
    const asPayload = forge({ alg: "HS256" }, value);
    ensure(
      outcome(jwt(), asHeader) === "TOKEN_MALFORMED",
      `a header that is ${what} was ${outcome(jwt(), asHeader)}; header and payload must be JSON objects`,
    );
    ensure(
      outcome(jwt(), asPayload) === "TOKEN_MALFORMED",
      `a correctly signed payload that is ${what} was ${outcome(jwt(), asPayload)}; the payload must be a JSON object`,
    );
  });
});

describe("time claims", () => {
  const signed = () => jwt().sign({ sub: "x" }, { expiresInSec: 60 }); // exp = NOW + 60

  test("exp: valid one second before, expired at the exp instant itself", () => {
    const token = signed();
    ensure(
      outcome(jwt({ clock: at(NOW_SEC + 59) }), token) === "accepted",
      "a token one second before its exp must verify",
    );
    const code = outcome(jwt({ clock: at(NOW_SEC + 60) }), token);
    ensure(
      code === "TOKEN_EXPIRED",
      `at the exp instant the token was ${code}: RFC 7519 says expired "on or after" exp, so compare now >= exp, not now > exp`,
    );
    ensure(
      outcome(jwt({ clock: { now: () => (NOW_SEC + 60) * 1000 - 1 } }), token) === "accepted",
      "1 ms before exp (now floors to exp - 1 s) the token is still valid",
    );
  });

  test("the clock tolerance forgives skew after exp, and no more", () => {
    const token = signed();
    const tolerant = (sec: number) => jwt({ clock: at(sec), clockToleranceSec: 30 });
    const within = outcome(tolerant(NOW_SEC + 60 + 29), token);
    ensure(
      within === "accepted",
      `29 s after exp with a 30 s tolerance the token was ${within}: the tolerance extends the window (now >= exp + tolerance), it must not shrink it`,
    );
    const past = outcome(tolerant(NOW_SEC + 60 + 30), token);
    ensure(past === "TOKEN_EXPIRED", `at exp + tolerance the token was ${past}: expired once now >= exp + tolerance`);
    const early = outcome(tolerant(NOW_SEC + 40), token);
    ensure(
      early === "accepted",
      `20 s before exp with a 30 s tolerance the token was ${early}: the tolerance was applied in the wrong direction (exp - tolerance)`,
    );
  });

  test("nbf: not yet valid before it, valid at it, and the tolerance lets it in early", () => {
    const later = jwt().sign({ sub: "x" }, { notBeforeSec: 100 });
    const code = outcome(jwt({ clock: at(NOW_SEC + 99) }), later);
    ensure(code === "TOKEN_NOT_YET_VALID", `one second before nbf the token was ${code}`);
    ensure(outcome(jwt({ clock: at(NOW_SEC + 100) }), later) === "accepted", "at nbf the token is valid (nbf <= now)");
    const skewed = outcome(jwt({ clock: at(NOW_SEC + 70), clockToleranceSec: 30 }), later);
    ensure(
      skewed === "accepted",
      `30 s before nbf with a 30 s tolerance the token was ${skewed}: the tolerance applies to nbf in the direction that forgives skew (nbf > now + tolerance)`,
    );
    const tooEarly = outcome(jwt({ clock: at(NOW_SEC + 69), clockToleranceSec: 30 }), later);
    ensure(tooEarly === "TOKEN_NOT_YET_VALID", `31 s before nbf with a 30 s tolerance the token was ${tooEarly}`);
  });

  test("iat in the future beyond the tolerance is TOKEN_NOT_YET_VALID", () => {
    const future = forge({ alg: "HS256" }, { sub: "x", iat: NOW_SEC + 10 });
    ensure(outcome(jwt(), future) === "TOKEN_NOT_YET_VALID", "a token issued 10 s in the future is not yet valid");
    ensure(
      outcome(jwt({ clockToleranceSec: 10 }), future) === "accepted",
      "with 10 s of tolerance a token issued 10 s ahead is valid",
    );
  });
});

describe("issuer and audience", () => {
  test("a wrong or missing issuer is ISSUER_MISMATCH", () => {
    const verifier = jwt({ issuer: "https://auth.example" });
    ensure(
      outcome(verifier, jwt().sign({ iss: "https://auth.example" })) === "accepted",
      "the expected issuer verifies",
    );
    ensure(
      outcome(verifier, jwt().sign({ iss: "https://evil.example" })) === "ISSUER_MISMATCH",
      "another issuer must be ISSUER_MISMATCH",
    );
    ensure(
      outcome(verifier, jwt().sign({})) === "ISSUER_MISMATCH",
      "a token with no iss, when one is expected, is ISSUER_MISMATCH",
    );
  });

  test("aud may be a string or an array; either must name an accepted audience", () => {
    const verifier = jwt({ audience: "orders-api" });
    ensure(outcome(verifier, jwt().sign({ aud: "orders-api" })) === "accepted", "aud 'orders-api' matches");
    const list = outcome(verifier, jwt().sign({ aud: ["billing-api", "orders-api"] }));
    ensure(
      list === "accepted",
      `aud ["billing-api", "orders-api"] was ${list}: RFC 7519 allows aud as an array of strings; accept it when any entry matches`,
    );
    ensure(
      outcome(verifier, jwt().sign({ aud: "billing-api" })) === "AUDIENCE_MISMATCH",
      "aud 'billing-api' is AUDIENCE_MISMATCH",
    );
    const wrongList = outcome(verifier, jwt().sign({ aud: ["billing-api", "x"] }));
    ensure(wrongList === "AUDIENCE_MISMATCH", `an aud array with no accepted entry was ${wrongList}`);
    ensure(
      outcome(verifier, jwt().sign({})) === "AUDIENCE_MISMATCH",
      "a token with no aud, when one is expected, is AUDIENCE_MISMATCH",
    );
  });
});

describe("role-based access control", () => {
  const roles = {
    viewer: { permissions: ["doc:read"] },
    editor: { inherits: ["viewer"], permissions: ["doc:write"] },
    admin: { inherits: ["editor"], permissions: ["user:manage"] },
    owner: { inherits: ["admin", "billing"] },
    billing: { permissions: ["invoice:read"] },
  };

  test("a role has its own permissions and those of every role it inherits, at any depth", () => {
    const rbac = new Rbac(roles);
    ensure(rbac.can(["editor"], "doc:read"), "editor inherits viewer's doc:read");
    ensure(
      rbac.can(["owner"], "doc:read"),
      "owner -> admin -> editor -> viewer: doc:read is three levels up; inheritance that stops at one level misses it",
    );
    ensure(rbac.can(["owner"], "invoice:read"), "owner inherits from two roles: both count");
    ensure(
      !rbac.can(["editor"], "user:manage"),
      "permissions flow down the hierarchy, never up: editor does not get admin's user:manage",
    );
    ensure(
      !rbac.can(["ghost"], "doc:read") && !rbac.can([], "doc:read"),
      "an undefined role, or no role, grants nothing",
    );
    ensure(rbac.can(["ghost", "viewer"], "doc:read"), "any of the caller's roles may grant the permission");
    const all = rbac.permissionsOf("owner").join(",");
    ensure(
      all === "doc:read,doc:write,invoice:read,user:manage",
      `owner's permissions should be every inherited one, sorted, got ${all}`,
    );
  });

  test("a cycle in the role graph is ROLE_CYCLE, a missing parent UNKNOWN_ROLE", () => {
    const cyclic = { a: { inherits: ["b"] }, b: { inherits: ["c"] }, c: { inherits: ["a"] } };
    let code = "";
    try {
      new Rbac(cyclic);
    } catch (error) {
      if (error instanceof AuthError) code = `${error.code} ${error.message}`;
    }
    ensure(
      code.startsWith("ROLE_CYCLE") && code.includes("a -> b -> c -> a"),
      `a -> b -> c -> a should be refused with ROLE_CYCLE naming the cycle, got ${code || "no error"}`,
    );
    let self = "";
    try {
      new Rbac({ root: { inherits: ["root"] } });
    } catch (error) {
      if (error instanceof AuthError) self = error.code;
    }
    ensure(self === "ROLE_CYCLE", `a role that inherits from itself should be ROLE_CYCLE, got ${self || "no error"}`);
    let unknown = "";
    try {
      new Rbac({ editor: { inherits: ["viewer"] } });
    } catch (error) {
      if (error instanceof AuthError) unknown = error.code;
    }
    ensure(
      unknown === "UNKNOWN_ROLE",
      `inheriting from an undefined role should be UNKNOWN_ROLE, got ${unknown || "no error"}`,
    );
  });

  test("a verified token's roles drive the check", () => {
    const subject = jwt({ audience: "docs" });
    const claims = subject.verify(subject.sign({ sub: "ada", aud: "docs", roles: ["editor"] }, { expiresInSec: 60 }));
    const rbac = new Rbac(roles);
    ensure(rbac.can(claims["roles"] as string[], "doc:read"), "editor, from the token, may read");
  });
});

describe("bad configuration", () => {
  test.each([
    ["a 31-byte secret", { secret: "x".repeat(31) }, "INVALID_KEY"],
    ["a negative tolerance", { clockToleranceSec: -1 }, "INVALID_OPTIONS"],
    ["an empty issuer", { issuer: "" }, "INVALID_OPTIONS"],
    ["an empty audience list", { audience: [] }, "INVALID_OPTIONS"],
  ] as const)("%s is refused", (what, options, expected) => {
    let code = "";
    try {
      jwt(options as Partial<JwtOptions>);
    } catch (error) {
      if (error instanceof AuthError) code = error.code;
    }
    ensure(code === expected, `${what} should be ${expected}, got ${code || "no error"}`);
  });
});
