import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { PlatformConfig } from '../config.js';
import { devTokenSecret } from './dev-secret.js';
import { DEV_TOKEN_AUDIENCE, DEV_TOKEN_ISSUER } from './dev-token.js';

export interface VerifiedToken {
  readonly subject: string;
}

/** Why a presented token was refused; the message is safe to show the client. */
export class InvalidTokenError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

export interface TokenVerifier {
  /** `null` for an absent header (anonymous); throws InvalidTokenError for anything presented but not valid. */
  verify(authorizationHeader: string | undefined): Promise<VerifiedToken | null>;
}

const VERIFIED_TTL_MS = 60_000;
const VERIFIED_CAPACITY = 10_000;

const ALGORITHMS_OIDC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The bearer token has expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing')
    return 'The bearer token has no expiry (exp)';
  if (error instanceof errors.JWTClaimValidationFailed) return `The bearer token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'The bearer token was not signed by a known key';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) {
    return error.code === 'ERR_JWKS_TIMEOUT' ? 'The identity provider did not answer in time' : 'The bearer token is not valid';
  }
  return 'The bearer token is not valid';
}

/** Every token must say when it expires: one that never does could not be taken back once leaked. */
const REQUIRED_CLAIMS = ['exp'];

/**
 * Bearer JWT verification with jose: an OIDC provider's keys (JWKS, issuer, audience) or, on the embedded
 * default, tokens signed locally with the dev secret. Either way a token without `exp` is refused.
 */
export function createTokenVerifier(config: Pick<PlatformConfig, 'dataDir' | 'auth'>): TokenVerifier {
  const auth = config.auth;
  const check =
    auth.mode === 'oidc'
      ? (() => {
          const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl));
          return (token: string) =>
            jwtVerify(token, keys, {
              issuer: auth.issuer,
              audience: auth.audience,
              algorithms: ALGORITHMS_OIDC,
              requiredClaims: REQUIRED_CLAIMS,
            });
        })()
      : (() => {
          const secret = devTokenSecret(config);
          return (token: string) =>
            jwtVerify(token, secret, {
              issuer: DEV_TOKEN_ISSUER,
              audience: DEV_TOKEN_AUDIENCE,
              algorithms: ['HS256'],
              requiredClaims: REQUIRED_CLAIMS,
            });
        })();

  // A client sends the same token with every request: a verified token is remembered until it expires, for a
  // minute at most (so a provider's key rotation is noticed soon), in a bounded map.
  const verified = new Map<string, { subject: string; until: number }>();
  const remember = (token: string, subject: string, exp: number) => {
    const until = Math.min(exp * 1000, Date.now() + VERIFIED_TTL_MS);
    if (verified.size >= VERIFIED_CAPACITY) verified.delete(verified.keys().next().value!);
    verified.set(token, { subject, until });
  };

  return {
    async verify(header) {
      if (header === undefined || header === '') return null;
      const match = /^Bearer\s+([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_.+/=]*)$/.exec(header.trim());
      if (!match) throw new InvalidTokenError('The Authorization header must be `Bearer <JWT>`');
      const token = match[1]!;
      const known = verified.get(token);
      if (known && known.until > Date.now()) return { subject: known.subject };
      if (known) verified.delete(token);
      try {
        const { payload } = await check(token);
        if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('The bearer token has no subject');
        remember(token, payload.sub, payload.exp!);
        return { subject: payload.sub };
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        throw new InvalidTokenError(reason(error));
      }
    },
  };
}
