/**
 * What a gateway spends on auth: every request carries a token to verify and a permission to
 * check, so verifications per second, and verify-then-authorize per second over a deep role
 * hierarchy, are what is timed. Signing happens once per login.
 */
import { defineBench } from "#kata/bench";
import { jsonwebtokenPeer, type AuthApi } from "./peers";

const SECRET = "bench-secret-of-at-least-32-bytes-0123456789";
const NOW_MS = 1_800_000_000_000;
const clock = { now: () => NOW_MS };

/** A chain of 40 roles (level-0 inherits level-1 ... level-39), each granting 20 permissions. */
function deepRoles(): Record<string, { inherits: string[]; permissions: string[] }> {
  const roles: Record<string, { inherits: string[]; permissions: string[] }> = {};
  for (let level = 0; level < 40; level++) {
    roles[`level-${level}`] = {
      inherits: level < 39 ? [`level-${level + 1}`] : [],
      permissions: Array.from({ length: 20 }, (_, i) => `resource-${level}:action-${i}`),
    };
  }
  return roles;
}

function tokens(api: AuthApi): string[] {
  const signer = new api.Hs256Jwt({ secret: SECRET, clock });
  return Array.from({ length: 64 }, (_, i) =>
    signer.sign({ sub: `user-${i}`, iss: "auth", aud: "api", roles: ["level-0"] }, { expiresInSec: 3600 }),
  );
}

function verifier(api: AuthApi) {
  return new api.Hs256Jwt({ secret: SECRET, clock, issuer: "auth", audience: "api", clockToleranceSec: 5 });
}

export default defineBench<AuthApi>({
  workloads: [
    {
      kind: "throughput",
      name: "verify",
      unit: "verifications",
      setup: (api) => {
        const pool = tokens(api);
        const jwt = verifier(api);
        let next = 0;
        return () => {
          next = (next + 1) & 63;
          return jwt.verify(pool[next] as string);
        };
      },
    },
    {
      kind: "throughput",
      name: "verify and authorize, 40-level role hierarchy",
      unit: "requests",
      setup: (api) => {
        const pool = tokens(api);
        const jwt = verifier(api);
        const rbac = new api.Rbac(deepRoles());
        let next = 0;
        return () => {
          next = (next + 1) & 63;
          const claims = jwt.verify(pool[next] as string);
          return rbac.can(claims["roles"] as string[], `resource-${next % 40}:action-${next % 20}`);
        };
      },
    },
  ],
  peers: [{ name: "jsonwebtoken 9 (npm)", api: jsonwebtokenPeer }],
});
