import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { devTokenSecret } from '#platform/auth/dev-secret';
import { DEV_TOKEN_AUDIENCE, DEV_TOKEN_ISSUER } from '#platform/auth/dev-token';
import { loadConfig } from '#platform/config';
import {
  API_MAIN,
  API_NODE_FLAGS,
  type GraphQLResponse,
  type RunningApi,
  freePort,
  removeDir,
  startApi,
  tempDataDir,
} from '../support/api-process.js';

/**
 * The api's edge, on the real compiled api: security headers, the schema hidden in production, who may read
 * /metrics, malformed GraphQL documents, bearer tokens without an expiry, and the configurations refused at start-up.
 */

const JSON_HEADERS = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };
const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse<unknown> };
};
const codes = (body: GraphQLResponse<unknown>) => (body.errors ?? []).map((e) => e.extensions?.code);

/** The security headers every answer of the main port carries. */
function expectSecurityHeaders(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  // The app's own scripts, and the index page's inline script by its hash: nothing inline besides.
  expect(csp).toContain(`script-src ${webAppScripts()};`);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers.get('x-powered-by')).toBeNull();
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('strict-transport-security')).toBe('max-age=31536000');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The sources the web app's scripts may come from: its files, and its index page's one inline script, by hash. */
function webAppScripts(): string {
  const html = readFileSync(resolve('dist/web/index.html'), 'utf8');
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(inline).toHaveLength(1);
  return `'self' ${sha256(inline[0]!)}`;
}

const DEEP =
  '{ plans { edges { node { commitments { edges { node { plan { commitments { edges { node { plan { title } } } } } } } } } } } }';

/** Documents that are not a GraphQL request the api can run: each is the client's input at fault. */
const MALFORMED: [string, unknown][] = [
  ['a syntax error', { query: '{ serverInfo { version }' }],
  ['an unknown fragment', { query: '{ ...Nowhere }' }],
  ['an unknown fragment inside a field', { query: '{ serverInfo { ...Nowhere } }' }],
  ['a fragment cycle', { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }],
  [
    'a fragment cycle through fields',
    { query: '{ serverInfo { ...A } } fragment A on ServerInfo { projections { name } ...B } fragment B on ServerInfo { ...A }' },
  ],
  ['a fragment spreading itself', { query: '{ ...A } fragment A on Query { serverInfo { version } ...A }' }],
  ['a document too deep', { query: DEEP }],
  ['fields nested 5,000 levels', { query: `{${'serverInfo {'.repeat(5000)}version${'}'.repeat(5001)}` }],
  [
    'a chain of 8,000 fragments',
    {
      query: `{ ...F0 } ${Array.from({ length: 8000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F8000 on Query { serverInfo { version } }`,
    },
  ],
  [
    'two operations with the same name',
    { query: 'query A { serverInfo { version } } query A { plans { totalCount } }', operationName: 'A' },
  ],
  ['two anonymous operations', { query: '{ serverInfo { version } } { plans { totalCount } }' }],
  ['a query that is a number', { query: 123 }],
  ['a query that is an object', { query: { kind: 'Document' } }],
  ['no query at all', { variables: {} }],
  ['an empty query', { query: '' }],
  ['an operationName that matches nothing', { query: 'query A { serverInfo { version } }', operationName: 'B' }],
  ['several operations and no operationName', { query: 'query A { serverInfo { version } } query B { plans { totalCount } }' }],
  ['an operationName that is not a string', { query: 'query A { serverInfo { version } }', operationName: ['A'] }],
  ['variables that are not an object', { query: 'query A { serverInfo { version } }', variables: 'x=1' }],
  ['an unknown field', { query: '{ serverInfo { versio } }' }],
];

describe('the edge, outside production (as in development and tests)', () => {
  let api: RunningApi;
  const metricsToken = randomBytes(32).toString('base64url');
  beforeAll(async () => {
    api = await startApi({ env: { METRICS_TOKEN: metricsToken } });
  });
  afterAll(async () => {
    await api?.stop();
    removeDir(api.dataDir);
  });

  it('sends security headers with the web app, the api, health and a 404, and no X-Powered-By', async () => {
    const page = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(page.headers);
    expectSecurityHeaders((await post(api.url, JSON.stringify({ query: '{ serverInfo { version } }' }))).headers);
    expectSecurityHeaders((await fetch(`${api.url}/health`)).headers);
    expectSecurityHeaders((await fetch(`${api.url}/no-such-thing.json`)).headers);
  });

  it('serves the GraphiQL page with a policy that lets exactly its scripts run: its CDN and its inline script, by hash', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    const csp = res.headers.get('content-security-policy') ?? '';
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(csp).toContain(sha256(script));
    expect(csp).toMatch(/script-src 'self' https:\/\/unpkg\.com 'sha256-/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("connect-src 'self';");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers introspection, and hints at the field meant in a validation error', async () => {
    const res = await post(api.url, JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await post(api.url, JSON.stringify({ query: '{ serverInfo { versio } }' }))).body.errors?.[0]?.message).toMatch(
      /Did you mean "version"/,
    );
  });

  it.each(MALFORMED)('answers %s with BAD_USER_INPUT and HTTP 400, never INTERNAL', async (_what, body) => {
    const res = await post(api.url, JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codes(res.body).length).toBeGreaterThan(0);
    expect(new Set(codes(res.body))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('says which limit a document too deep or too long broke, and stays up and quiet about it', async () => {
    expect((await post(api.url, JSON.stringify({ query: DEEP }))).body.errors?.[0]?.message).toMatch(
      /exceeds maximum operation depth of 10/,
    );
    const long = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`;
    expect((await post(api.url, JSON.stringify({ query: long }))).body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/more tha[nt] 20000 tokens/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await post(api.url, JSON.stringify({ query: '{ serverInfo { version } }' }))).status).toBe(200);
    // Only unexpected errors are logged (at level 50, error); a malformed request is not one.
    expect(api.output()).not.toMatch(/"level":50|Unexpected error processing request/);
  });

  it('refuses a dev token without an expiry as UNAUTHENTICATED, though signed with the api’s own secret', async () => {
    const secret = devTokenSecret(loadConfig({ DATA_DIR: api.dataDir }));
    const jwt = () =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject('focal@justice.example')
        .setIssuer(DEV_TOKEN_ISSUER)
        .setAudience(DEV_TOKEN_AUDIENCE)
        .setIssuedAt();
    const forever = await post(api.url, JSON.stringify({ query: '{ viewer { subject } }' }), {
      authorization: `Bearer ${await jwt().sign(secret)}`,
    });
    expect(forever.status).toBe(401);
    expect(forever.body.errors?.[0]).toMatchObject({
      message: 'The bearer token has no expiry (exp)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const bounded = await post(api.url, JSON.stringify({ query: '{ viewer { subject } }' }), {
      authorization: `Bearer ${await jwt().setExpirationTime('5m').sign(secret)}`,
    });
    expect(bounded.body).toEqual({ data: { viewer: expect.objectContaining({ subject: 'focal@justice.example' }) } });
  });

  it('serves /metrics on the main port only to the bearer of METRICS_TOKEN', async () => {
    const anonymous = await fetch(`${api.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await anonymous.text()).not.toContain('# TYPE');
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${'0'.repeat(48)}` } })).status).toBe(401);
    const scraped = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(scraped.headers.get('x-powered-by')).toBeNull();
    const text = await scraped.text();
    expect(text).toContain('# TYPE http_request_duration_seconds');
    expect(text).toContain('# TYPE nodejs_heap_used_after_major_gc_bytes');
    expect(await api.metrics()).toContain('# TYPE projection_lag_events');
  });
});

describe('the edge in production (NODE_ENV=production), /metrics on METRICS_PORT with METRICS_TOKEN, the demo sign-in on loopback', () => {
  let api: RunningApi;
  let metricsPort: number;
  const metricsToken = randomBytes(32).toString('hex');
  beforeAll(async () => {
    metricsPort = await freePort();
    // startApi listens on HOST=127.0.0.1: the demo sign-in is allowed there, even in production.
    api = await startApi({
      env: { NODE_ENV: 'production', DEMO_LOGIN: 'true', METRICS_PORT: String(metricsPort), METRICS_TOKEN: metricsToken },
    });
  });
  afterAll(async () => {
    await api?.stop();
    removeDir(api.dataDir);
  });

  it('refuses introspection as BAD_USER_INPUT with HTTP 400, and hints at no field names', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "ProgressReport") { fields { name } } }',
      'query { plans { totalCount } __schema { queryType { name } } }',
    ]) {
      const res = await post(api.url, JSON.stringify({ query }));
      expect(res.status).toBe(400);
      expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
    }
    expect((await post(api.url, JSON.stringify({ query: '{ __typename serverInfo { version } }' }))).status).toBe(200);
    const typo = await post(api.url, JSON.stringify({ query: '{ serverInfo { versio } }' }));
    expect(codes(typo.body)).toEqual(['BAD_USER_INPUT']);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('serves no GraphiQL page, and the same security headers as elsewhere', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await res.text()).not.toContain('GraphiQL');
    expectSecurityHeaders(res.headers);
    expectSecurityHeaders((await fetch(`${api.url}/`, { headers: { accept: 'text/html' } })).headers);
  });

  it('still answers malformed documents with BAD_USER_INPUT', async () => {
    for (const [, body] of MALFORMED) {
      const res = await post(api.url, JSON.stringify(body));
      expect([res.status, new Set(codes(res.body))]).toEqual([400, new Set(['BAD_USER_INPUT'])]);
    }
  });

  it('serves /metrics on METRICS_PORT to the token only, and never on the main port', async () => {
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    const authorization = `Bearer ${metricsToken}`;
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization } })).status).toBe(404);
    const refused = await fetch(metricsUrl);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    const res = await fetch(metricsUrl, { headers: { authorization } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('# TYPE projection_lag_events');
    // Nothing else is served on the metrics port.
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`, { headers: { authorization } })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/health`)).status).toBe(404);
  });

  it('offers the demo sign-in, since it listens on loopback', async () => {
    expect(await (await fetch(`${api.url}/auth/config`)).json()).toEqual({ demoLogin: true, oidc: null });
  });
});

describe('/metrics on METRICS_PORT without a token', () => {
  it('is served there to whoever reaches the port, and is a 404 on the main port', async () => {
    const metricsPort = await freePort();
    const api = await startApi({ env: { METRICS_PORT: String(metricsPort), METRICS_TOKEN: '' } });
    try {
      expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE http_request_duration_seconds');
      expect(await api.metrics()).toContain('# TYPE command_duration_seconds');
      expect(await api.stop()).toBe(0);
    } finally {
      await api.stop();
      removeDir(api.dataDir);
    }
  });
});

describe('an OIDC provider’s tokens, with neither METRICS_PORT nor METRICS_TOKEN', () => {
  let api: RunningApi;
  let jwks: Server;
  let sign: (expires: boolean) => Promise<string>;
  const issuer = 'https://id.example.org/realms/npa';
  const audience = 'npa-platform';

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createHttpServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks`;
    sign = (expires) => {
      const jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('analyst@ecpat.example')
        .setIssuedAt();
      return (expires ? jwt.setExpirationTime('5m') : jwt).sign(privateKey);
    };
    api = await startApi({
      env: {
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: audience,
        AUTH_JWKS_URL: jwksUrl,
        AUTH_WEB_CLIENT_ID: 'npa-web',
        METRICS_TOKEN: '',
        METRICS_PORT: '',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    removeDir(api.dataDir);
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('refuses a token without an expiry as UNAUTHENTICATED, and accepts the same with one', async () => {
    const forever = await post(api.url, JSON.stringify({ query: '{ viewer { subject } }' }), {
      authorization: `Bearer ${await sign(false)}`,
    });
    expect(forever.status).toBe(401);
    expect(forever.body.errors?.[0]).toMatchObject({
      message: 'The bearer token has no expiry (exp)',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const bounded = await post(api.url, JSON.stringify({ query: '{ viewer { subject } }' }), {
      authorization: `Bearer ${await sign(true)}`,
    });
    expect(bounded.body.errors).toBeUndefined();
  });

  it('answers /metrics with the 404 of any unknown path', async () => {
    const res = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer anything-at-all' } });
    expect(res.status).toBe(404);
    const unknown = (await (await fetch(`${api.url}/auth/nothing-here`)).json()) as Record<string, unknown>;
    expect(await res.json()).toEqual({ ...unknown, message: 'Cannot GET /metrics' });
  });

  it('lets the web app reach the provider it signs in with, and nothing else', async () => {
    const csp = (await fetch(`${api.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' https://id.example.org;");
    expect(csp).toContain(`script-src ${webAppScripts()};`);
  });
});

/** Runs the compiled api with `env` (no default but a fresh DATA_DIR) and returns how it exited and what it printed. */
async function startUp(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = tempDataDir('npa-e2e-edge-refused-');
  try {
    const child = spawn(process.execPath, [...API_NODE_FLAGS, API_MAIN], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: String(await freePort()), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    return { code, output };
  } finally {
    removeDir(dataDir);
  }
}

describe('configurations the api refuses at start-up, with one line saying why', () => {
  it.each([
    [
      'DEMO_LOGIN in production on every interface',
      { DEMO_LOGIN: 'true', NODE_ENV: 'production', HOST: '0.0.0.0' },
      /^Invalid configuration: DEMO_LOGIN=true .*NODE_ENV=production.*loopback.*not 0\.0\.0\.0$/,
    ],
    [
      'DEMO_LOGIN in production on a LAN address',
      { DEMO_LOGIN: 'true', NODE_ENV: 'production', HOST: '10.1.2.3' },
      /^Invalid configuration: DEMO_LOGIN=true .*not 10\.1\.2\.3$/,
    ],
    [
      'METRICS_PORT equal to PORT',
      { PORT: '3917', METRICS_PORT: '3917' },
      /^Invalid configuration: METRICS_PORT must differ from PORT \(3917\)/,
    ],
    ['METRICS_PORT that is not a port', { METRICS_PORT: 'prometheus' }, /^Invalid configuration: METRICS_PORT /],
    [
      'a METRICS_TOKEN too short to be a secret',
      { METRICS_TOKEN: 'letmein' },
      /^Invalid configuration: METRICS_TOKEN must be at least 32 characters$/,
    ],
  ])('%s', async (_what, env, message) => {
    const { code, output } = await startUp(env);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it('a METRICS_PORT already taken', async () => {
    const taken = createTcpServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, output } = await startUp({ METRICS_PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`^Cannot serve /metrics on METRICS_PORT ${port} \\(HOST 127\\.0\\.0\\.1\\): .*EADDRINUSE`, 'm'));
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
