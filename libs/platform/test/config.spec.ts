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
      remindersIntervalMinutes: 60,
      mail: { smtpUrl: undefined, from: '"Action plan coordination" <no-reply@localhost>', appUrl: 'http://localhost:3000' },
    });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.operatorName).toBeUndefined();
  });

  it('names who runs the instance from OPERATOR_NAME, on one line', () => {
    expect(loadConfig({ OPERATOR_NAME: '  ECPAT Costa Rica ' }).operatorName).toBe('ECPAT Costa Rica');
    expect(loadConfig({ OPERATOR_NAME: '' }).operatorName).toBeUndefined();
    expect(() => loadConfig({ OPERATOR_NAME: 'two\nlines' })).toThrow(/^Invalid configuration: OPERATOR_NAME must be one line/);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT /],
    [{ PORT: '70000' }, /PORT/],
    [{ EVENTSTORE_URL: 'postgres://x' }, /EVENTSTORE_URL must be an esdb:\/\//],
    [{ AUTH_DEV_SECRET: 'short' }, /AUTH_DEV_SECRET must be at least 32 characters/],
    [{ AUTH_ISSUER: 'https://id.example.org' }, /AUTH_AUDIENCE, AUTH_JWKS_URL must be set too/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ BODY_LIMIT: 'huge' }, /BODY_LIMIT must be a size/],
    [{ SMTP_URL: 'http://mail.example.org' }, /^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ MAIL_FROM: 'not an address' }, /^Invalid configuration: MAIL_FROM must be an address/],
    [{ PUBLIC_URL: 'npa.example.org' }, /^Invalid configuration: PUBLIC_URL must be an http\(s\) URL/],
    [{ REMINDERS_INTERVAL_MINUTES: 'hourly' }, /^Invalid configuration: REMINDERS_INTERVAL_MINUTES /],
    [{ REMINDERS_INTERVAL_MINUTES: '-5' }, /^Invalid configuration: REMINDERS_INTERVAL_MINUTES /],
    [{ METRICS_PORT: 'nine' }, /^Invalid configuration: METRICS_PORT /],
    [{ METRICS_PORT: '0' }, /^Invalid configuration: METRICS_PORT /],
    [{ METRICS_PORT: '70000' }, /^Invalid configuration: METRICS_PORT /],
    [{ METRICS_PORT: '3000' }, /^Invalid configuration: METRICS_PORT must differ from PORT \(3000\)/],
    [{ PORT: '8080', METRICS_PORT: '8080' }, /METRICS_PORT must differ from PORT \(8080\)/],
    [{ METRICS_TOKEN: 'short' }, /^Invalid configuration: METRICS_TOKEN must be at least 32 characters/],
    [{ METRICS_TOKEN: `${'a'.repeat(32)} b` }, /^Invalid configuration: METRICS_TOKEN must be one word/],
    [{ DEMO_LOGIN: 'true', NODE_ENV: 'production' }, /^Invalid configuration: DEMO_LOGIN=true .* needs HOST on loopback .*not 0\.0\.0\.0$/],
    [{ DEMO_LOGIN: 'true', NODE_ENV: 'production', HOST: '192.168.1.20' }, /DEMO_LOGIN=true .*not 192\.168\.1\.20$/],
    [{ DEMO_LOGIN: 'true', NODE_ENV: 'production', HOST: '::' }, /DEMO_LOGIN=true .*not ::$/],
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

  it('is not production, and serves /metrics nowhere, unless told', () => {
    expect(loadConfig({})).toMatchObject({ production: false, demoLogin: false, metrics: { port: undefined, token: undefined } });
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: '' }).metrics).toEqual({ port: 9464, token: undefined });
    const token = 'f'.repeat(64);
    expect(loadConfig({ METRICS_TOKEN: token }).metrics).toEqual({ port: undefined, token });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: token }).metrics).toEqual({ port: 9464, token });
  });

  it('allows DEMO_LOGIN in production only on a loopback address, and anywhere outside production', () => {
    for (const HOST of ['127.0.0.1', '::1', 'localhost', '127.0.0.2']) {
      expect(loadConfig({ DEMO_LOGIN: 'true', NODE_ENV: 'production', HOST })).toMatchObject({
        demoLogin: true,
        production: true,
        host: HOST,
      });
    }
    expect(loadConfig({ DEMO_LOGIN: 'true', HOST: '0.0.0.0' })).toMatchObject({ demoLogin: true, production: false });
    expect(loadConfig({ DEMO_LOGIN: 'true', NODE_ENV: 'test' }).demoLogin).toBe(true);
    expect(loadConfig({ DEMO_LOGIN: 'false', NODE_ENV: 'production' }).demoLogin).toBe(false);
  });

  it('configures an OIDC provider when all three variables are set', () => {
    expect(
      loadConfig({ AUTH_ISSUER: 'https://id.example.org', AUTH_AUDIENCE: 'npa', AUTH_JWKS_URL: 'https://id.example.org/jwks' }).auth,
    ).toEqual({ mode: 'oidc', issuer: 'https://id.example.org', audience: 'npa', jwksUrl: 'https://id.example.org/jwks' });
  });
});
