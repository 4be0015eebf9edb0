import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { metricsAccess } from '../src/observability/metrics-access.js';
import { contentSecurityPolicy, landingPagePolicy } from '../src/web/security-headers.js';

const TOKEN = 'a'.repeat(40);

describe('who may read /metrics', () => {
  it('nobody on the main port when neither METRICS_PORT nor METRICS_TOKEN is set', () => {
    expect(metricsAccess({ port: undefined, token: undefined }, 'main-port', undefined)).toBe('not-found');
    expect(metricsAccess({ port: undefined, token: undefined }, 'main-port', `Bearer ${TOKEN}`)).toBe('not-found');
  });

  it('on the main port, only the bearer of METRICS_TOKEN', () => {
    const metrics = { port: undefined, token: TOKEN };
    expect(metricsAccess(metrics, 'main-port', `Bearer ${TOKEN}`)).toBe('allowed');
    expect(metricsAccess(metrics, 'main-port', `bearer ${TOKEN}`)).toBe('allowed');
    expect(metricsAccess(metrics, 'main-port', undefined)).toBe('unauthorized');
    expect(metricsAccess(metrics, 'main-port', `Bearer ${TOKEN}x`)).toBe('unauthorized');
    expect(metricsAccess(metrics, 'main-port', `Bearer ${TOKEN.slice(1)}`)).toBe('unauthorized');
    expect(metricsAccess(metrics, 'main-port', TOKEN)).toBe('unauthorized');
    expect(metricsAccess(metrics, 'main-port', 'Bearer ')).toBe('unauthorized');
  });

  it('never on the main port once it has a port of its own; there, anyone who reaches it, or the token when set', () => {
    expect(metricsAccess({ port: 9464, token: TOKEN }, 'main-port', `Bearer ${TOKEN}`)).toBe('not-found');
    expect(metricsAccess({ port: 9464, token: undefined }, 'metrics-port', undefined)).toBe('allowed');
    expect(metricsAccess({ port: 9464, token: TOKEN }, 'metrics-port', undefined)).toBe('unauthorized');
    expect(metricsAccess({ port: 9464, token: TOKEN }, 'metrics-port', `Bearer ${TOKEN}`)).toBe('allowed');
  });
});

describe('the Content-Security-Policy', () => {
  it('lets the web app load only its own files and talk only to the api, and nothing frame it', () => {
    expect(contentSecurityPolicy({ auth: { mode: 'dev', secret: undefined } })).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'frame-src': ["'none'"],
      'object-src': ["'none'"],
    });
  });

  it('lets the web app reach the OIDC provider it signs in with', () => {
    const oidc = {
      mode: 'oidc' as const,
      issuer: 'https://id.example.org/realms/npa',
      audience: 'npa',
      jwksUrl: 'https://id.example.org/jwks',
    };
    expect(contentSecurityPolicy({ auth: { ...oidc, webClientId: 'npa-web' } })).toMatchObject({
      'connect-src': ["'self'", 'https://id.example.org'],
      'frame-src': ['https://id.example.org'],
    });
    // Without a web client the web app does not sign in there.
    expect(contentSecurityPolicy({ auth: { ...oidc, webClientId: undefined } })['connect-src']).toEqual(["'self'"]);
  });

  it('fits the GraphiQL page it is served with: its CDN and its own inline script, by hash', () => {
    const inline = "\n      const fetcher = GraphiQL.createFetcher({ url: '/graphql' });\n    ";
    const html = `<!DOCTYPE html><html><head><style>body { margin: 0 }</style>
      <script crossorigin src="https://unpkg.com/react@18/umd/react.development.js"></script>
      <link rel="stylesheet" href="https://unpkg.com/graphiql@3.8.3/graphiql.min.css" />
      </head><body><script src="https://unpkg.com/graphiql@3.8.3/graphiql.min.js" type="application/javascript"></script>
      <script>${inline}</script></body></html>`;
    const policy = landingPagePolicy(html, { auth: { mode: 'dev', secret: undefined } });
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(policy).toContain(`script-src 'self' https://unpkg.com 'sha256-${hash}'`);
    expect(policy).toContain("style-src 'self' https://unpkg.com 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
