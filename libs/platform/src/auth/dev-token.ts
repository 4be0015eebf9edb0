import { SignJWT } from 'jose';

/** Issuer and audience of locally signed tokens; the verifier accepts nothing else in dev mode. */
export const DEV_TOKEN_ISSUER = 'npa-platform-dev';
export const DEV_TOKEN_AUDIENCE = 'npa-platform';

export interface DevTokenClaims {
  readonly subject: string;
  readonly name?: string;
  /** A jose duration such as `8h` or `30d` (default `12h`). */
  readonly expiresIn?: string;
}

/** Signs a short-lived HS256 token for local use (the CLI's `token` command, tests). */
export function signDevToken(secret: Uint8Array, claims: DevTokenClaims): Promise<string> {
  return new SignJWT(claims.name ? { name: claims.name } : {})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(DEV_TOKEN_ISSUER)
    .setAudience(DEV_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(secret);
}
