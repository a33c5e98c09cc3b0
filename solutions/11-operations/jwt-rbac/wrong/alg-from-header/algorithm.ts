import { createHmac, type KeyObject } from "node:crypto";
import { AuthError } from "../../src/errors";

const HASHES: Record<string, string> = { HS256: "sha256", HS384: "sha384", HS512: "sha512" };

/** Wrong: the header chooses the algorithm, and "none" means no signature at all. */
export function expectedMac(header: Record<string, unknown>, key: KeyObject, signingInput: string): Buffer {
  const alg = String(header["alg"]);
  if (alg === "none") return Buffer.alloc(0);
  const hash = HASHES[alg];
  if (hash === undefined) throw new AuthError("ALGORITHM_NOT_ALLOWED", `unknown alg ${alg}`);
  return createHmac(hash, key).update(signingInput).digest();
}
