import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Server, createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { type RunningApi, freePort, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { launchChromium, screenshot, seriousViolations } from '../support/browser.js';

const AUDIENCE = 'https://npa-platform.example/api';
const CLIENT = 'npa-web';

/**
 * Sign-in through an OpenID Connect provider, end to end: oidc-provider (a certified OpenID Connect server) runs on
 * loopback with the web app as a public client that must use PKCE, and issues JWT access tokens for the api.
 */
describe('signing in to the web app with an OIDC provider (authorization code with PKCE)', () => {
  let oidc: Server;
  let api: RunningApi;
  let dataDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const [oidcPort, apiPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${oidcPort}`;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT,
          token_endpoint_auth_method: 'none',
          redirect_uris: [`http://127.0.0.1:${apiPort}/signed-in`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      pkce: { required: () => true },
      jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test', alg: 'RS256', use: 'sig' }] },
      cookies: { keys: ['oidc-e2e-cookie-key'] },
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, name: `Analyst ${id}` }) }),
      claims: { openid: ['sub'], profile: ['name'] },
      ttl: { AccessToken: 600, IdToken: 600, AuthorizationCode: 60, Grant: 600, Interaction: 600, Session: 600 },
      clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: 'openid profile',
            audience: AUDIENCE,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
    });
    oidc = createServer(provider.callback());
    await new Promise<void>((resolve) => oidc.listen(oidcPort, '127.0.0.1', resolve));
    dataDir = tempDataDir('npa-oidc-');
    api = await startApi({
      dataDir,
      port: apiPort,
      env: { HOST: '127.0.0.1', AUTH_ISSUER: issuer, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_URL: `${issuer}/jwks`, AUTH_WEB_CLIENT_ID: CLIENT },
    });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(60_000);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await new Promise((resolve) => oidc?.close(resolve));
    removeDir(dataDir);
  });

  it('redirects to the provider, comes back signed in, and calls the api with the provider’s access token', async () => {
    await page.goto(`http://127.0.0.1:${new URL(api.url).port}/sign-in`);
    await page.getByRole('button', { name: "Sign in with your organisation's account" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-oidc');
    await page.getByRole('button', { name: "Sign in with your organisation's account" }).click();

    // The provider's own pages: sign in, then allow the web app.
    await page.locator('input[name="login"]').fill('analyst-7');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();

    await page.getByText('Signed in as Analyst analyst-7').waitFor();
    // The token the web app holds is one the api accepts: the viewer is the provider's subject.
    const viewer = await page.evaluate<{ data: { viewer: { subject: string } } }>(`(async () => {
      const session = JSON.parse(sessionStorage.getItem('npa.token'));
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: 'Bearer ' + session.token }, body: JSON.stringify({ query: '{ viewer { subject } }' }) });
      return response.json();
    })()`);
    expect(viewer.data.viewer.subject).toBe('analyst-7');
  });
});
