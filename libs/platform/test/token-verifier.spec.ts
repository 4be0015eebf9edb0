import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createTokenVerifier,
  DEV_TOKEN_AUDIENCE,
  DEV_TOKEN_ISSUER,
  devTokenSecret,
  InvalidTokenError,
  loadConfig,
  signDevToken,
} from '#platform';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';

describe('dev tokens', () => {
  const dataDir = tempDataDir('npa-auth-');
  const config = loadConfig({ DATA_DIR: dataDir });
  afterAll(() => removeDir(dataDir));

  it('keeps one generated secret in DATA_DIR, so the api and the CLI agree', () => {
    expect(Buffer.from(devTokenSecret(config)).equals(Buffer.from(devTokenSecret(config)))).toBe(true);
  });

  it('verifies a token it signed, treats no header as anonymous and refuses anything else', async () => {
    const verifier = createTokenVerifier(config);
    const token = await signDevToken(devTokenSecret(config), { subject: 'focal@justice.example' });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({ subject: 'focal@justice.example' });
    await expect(verifier.verify(undefined)).resolves.toBeNull();
    await expect(verifier.verify('Basic abc')).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(`Bearer ${token.slice(0, -3)}abc`)).rejects.toThrow('The bearer token is not valid');
    const other = await signDevToken(new TextEncoder().encode('another-secret-that-is-long-enough-1234'), { subject: 'x' });
    await expect(verifier.verify(`Bearer ${other}`)).rejects.toBeInstanceOf(InvalidTokenError);
    const expired = await signDevToken(devTokenSecret(config), { subject: 'x', expiresIn: '-1m' });
    await expect(verifier.verify(`Bearer ${expired}`)).rejects.toThrow('The bearer token has expired');
  });

  it('refuses a token without an expiry (exp), even one signed with the right secret', async () => {
    const verifier = createTokenVerifier(config);
    const forever = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('focal@justice.example')
      .setIssuer(DEV_TOKEN_ISSUER)
      .setAudience(DEV_TOKEN_AUDIENCE)
      .setIssuedAt()
      .sign(devTokenSecret(config));
    await expect(verifier.verify(`Bearer ${forever}`)).rejects.toThrow(new InvalidTokenError('The bearer token has no expiry (exp)'));
    // The same token with an expiry passes, so it is the missing claim that was refused.
    const bounded = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('focal@justice.example')
      .setIssuer(DEV_TOKEN_ISSUER)
      .setAudience(DEV_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(devTokenSecret(config));
    await expect(verifier.verify(`Bearer ${bounded}`)).resolves.toEqual({ subject: 'focal@justice.example' });
  });

  it('remembers a verified token only until it expires', async () => {
    const verifier = createTokenVerifier(config);
    const token = await signDevToken(devTokenSecret(config), { subject: 'soon@gone.example', expiresIn: '2s' });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({ subject: 'soon@gone.example' });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({ subject: 'soon@gone.example' });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toThrow('The bearer token has expired');
  });
});

describe('OIDC tokens', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: { iss: string; aud: string; sub?: string; exp?: false }) => {
    const jwt = new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(claims.iss).setAudience(claims.aud).setIssuedAt();
    if (claims.exp !== false) jwt.setExpirationTime('5m');
    return (claims.sub ? jwt.setSubject(claims.sub) : jwt).sign(privateKey);
  };

  it("accepts the provider's tokens for this audience and refuses others", async () => {
    const verifier = createTokenVerifier(
      loadConfig({
        AUTH_ISSUER: 'https://id.example.org',
        AUTH_AUDIENCE: 'npa-platform',
        AUTH_JWKS_URL: jwksUrl,
        DATA_DIR: '/nonexistent',
      }),
    );
    const good = await sign({ iss: 'https://id.example.org', aud: 'npa-platform', sub: 'monitor@ecpat.example' });
    await expect(verifier.verify(`Bearer ${good}`)).resolves.toEqual({ subject: 'monitor@ecpat.example' });
    const wrongAudience = await sign({ iss: 'https://id.example.org', aud: 'another-app', sub: 'x' });
    await expect(verifier.verify(`Bearer ${wrongAudience}`)).rejects.toThrow("The bearer token's aud claim is not accepted");
    const noSubject = await sign({ iss: 'https://id.example.org', aud: 'npa-platform' });
    await expect(verifier.verify(`Bearer ${noSubject}`)).rejects.toThrow('The bearer token has no subject');
    const noExpiry = await sign({ iss: 'https://id.example.org', aud: 'npa-platform', sub: 'monitor@ecpat.example', exp: false });
    await expect(verifier.verify(`Bearer ${noExpiry}`)).rejects.toThrow('The bearer token has no expiry (exp)');
  });
});
