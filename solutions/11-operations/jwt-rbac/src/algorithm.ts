import { createHmac, type KeyObject } from "node:crypto";
import { AuthError } from "./errors";

/**
 * The MAC a token must carry, computed with the verifier's own algorithm. The header's `alg` is
 * checked, never obeyed: "none", "RS256" or "HS512" is refused before any MAC is computed, so an
 * attacker cannot choose how (or whether) the signature is checked.
 */
export function expectedMac(header: Record<string, unknown>, key: KeyObject, signingInput: string): Buffer {
  if (header["alg"] !== "HS256") {
    throw new AuthError(
      "ALGORITHM_NOT_ALLOWED",
      `the token's header says alg ${JSON.stringify(header["alg"])}; this verifier accepts HS256 only and never takes the algorithm from the token`,
    );
  }
  return createHmac("sha256", key).update(signingInput).digest();
}
