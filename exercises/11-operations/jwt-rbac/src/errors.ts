import { CodedError } from "#kata";

/**
 * The errors a token verifier and a role model raise. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on (a gateway turns every token code into a 401
 * and FORBIDDEN-style decisions into a 403), and a message that says what was wrong.
 */
export type AuthErrorCode =
  | "INVALID_KEY" // the HMAC secret is not a string or bytes of at least 32 bytes
  | "INVALID_OPTIONS" // a clock tolerance that is negative or not finite, a missing clock, an empty issuer or audience
  | "INVALID_CLAIMS" // sign() given a non-object, or exp, nbf or iat that is not a finite number
  | "TOKEN_MALFORMED" // not three segments, a segment that is not base64url, JSON that is not an object
  | "ALGORITHM_NOT_ALLOWED" // the header's alg is not HS256 (none, RS256, HS512, missing)
  | "SIGNATURE_INVALID" // the signature does not match the header and payload (or has the wrong length)
  | "TOKEN_EXPIRED" // now >= exp + tolerance
  | "TOKEN_NOT_YET_VALID" // nbf (or iat) later than now + tolerance
  | "ISSUER_MISMATCH" // iss is not the issuer the verifier expects
  | "AUDIENCE_MISMATCH" // aud (a string or an array) names none of the audiences the verifier accepts
  | "INVALID_ROLE" // a role name or permission that is not a non-empty string
  | "UNKNOWN_ROLE" // a role inherits from a role that is not defined
  | "ROLE_CYCLE"; // the inheritance graph has a cycle (a role inherits from itself, directly or not)

export class AuthError extends CodedError<AuthErrorCode> {
  override readonly name = "AuthError";
}
