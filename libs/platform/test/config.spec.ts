import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '#platform';

describe('configuration', () => {
  it('defaults everything on the embedded default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStoreUrl: undefined,
      auth: { mode: 'dev', secret: undefined },
      logLevel: 'info',
      bodyLimit: '1mb',
      graphqlMaxDepth: 10,
      graphqlMaxCost: 5000,
      consistencyTimeoutMs: 2000,
    });
    expect(config.dataDir).toMatch(/data$/);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT /],
    [{ PORT: '70000' }, /PORT/],
    [{ EVENTSTORE_URL: 'postgres://x' }, /EVENTSTORE_URL must be an esdb:\/\//],
    [{ AUTH_DEV_SECRET: 'short' }, /AUTH_DEV_SECRET must be at least 32 characters/],
    [{ AUTH_ISSUER: 'https://id.example.org' }, /AUTH_AUDIENCE, AUTH_JWKS_URL must be set too/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ BODY_LIMIT: 'huge' }, /BODY_LIMIT must be a size/],
  ])('stops on %j with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('configures an OIDC provider when all three variables are set', () => {
    expect(
      loadConfig({ AUTH_ISSUER: 'https://id.example.org', AUTH_AUDIENCE: 'npa', AUTH_JWKS_URL: 'https://id.example.org/jwks' }).auth,
    ).toEqual({ mode: 'oidc', issuer: 'https://id.example.org', audience: 'npa', jwksUrl: 'https://id.example.org/jwks' });
  });
});
