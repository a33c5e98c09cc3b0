/**
 * jsonwebtoken, the library most Node services verify JWTs with, behind this exercise's token API,
 * so `kata bench jwt-rbac` can run the same workloads on it (given code). Its verify is told the
 * algorithm (algorithms: ["HS256"]), as it must be; it builds the key object from the secret on
 * every call. Roles use the reference design's API from your src/.
 */
import jwt from "jsonwebtoken";
import * as Api from "./src/jwt-rbac";

export type AuthApi = Pick<typeof Api, "Hs256Jwt" | "Rbac">;

class JsonwebtokenJwt {
  private readonly options: Api.JwtOptions;

  constructor(options: Api.JwtOptions) {
    this.options = options;
  }

  sign(claims: Api.JwtClaims, options: Api.SignOptions = {}): string {
    const iat = Math.floor(this.options.clock.now() / 1000);
    return jwt.sign(
      { iat, ...claims, ...(options.expiresInSec === undefined ? {} : { exp: iat + options.expiresInSec }) },
      Buffer.from(this.options.secret),
      {
        algorithm: "HS256",
      },
    );
  }

  verify(token: string): Api.JwtClaims {
    const { issuer, audience, clockToleranceSec, clock, secret } = this.options;
    const options: jwt.VerifyOptions & { complete?: false } = {
      algorithms: ["HS256"],
      clockTolerance: clockToleranceSec ?? 0,
      clockTimestamp: Math.floor(clock.now() / 1000),
    };
    if (issuer !== undefined) options.issuer = issuer;
    if (audience !== undefined) {
      options.audience = (typeof audience === "string" ? audience : [...audience]) as jwt.VerifyOptions["audience"];
    }
    return jwt.verify(token, Buffer.from(secret), options) as Api.JwtClaims;
  }
}

export const jsonwebtokenPeer: AuthApi = {
  Hs256Jwt: JsonwebtokenJwt as unknown as AuthApi["Hs256Jwt"],
  Rbac: Api.Rbac,
};
