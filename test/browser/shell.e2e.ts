import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type RunningApi, freePort, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { axeViolations, horizontalOverflow, launchChromium, screenshot } from '../support/browser.js';

const COSTA_RICA = 'Costa Rica: protecting children in travel and tourism 2010-2013';
const OPERATOR = 'ECPAT International';

/** What each anonymous page says in each language: its heading, and something only that page shows once loaded. */
const LANGUAGES = {
  en: {
    locale: 'en-GB',
    app: 'National plans of action',
    pages: {
      home: { path: '/', h1: 'Plans', loaded: `This instance is run by ${OPERATOR}.` },
      'sign-in': { path: '/sign-in', h1: 'Sign in', loaded: 'This is a demonstration: choose whom to sign in as. No password is asked.' },
      'not-found': { path: '/no/such/page', h1: 'Page not found', loaded: 'This page does not exist.' },
    },
    signInLink: 'Sign in',
    plansLink: 'Plans',
  },
  fr: {
    locale: 'fr-FR',
    app: "Plans d'action nationaux",
    pages: {
      home: { path: '/', h1: 'Plans', loaded: `Cette instance est gérée par ${OPERATOR}.` },
      'sign-in': {
        path: '/sign-in',
        h1: 'Se connecter',
        loaded: "Ceci est une démonstration : choisissez sous quel nom vous connecter. Aucun mot de passe n'est demandé.",
      },
      'not-found': { path: '/no/such/page', h1: 'Page introuvable', loaded: "Cette page n'existe pas." },
    },
    signInLink: 'Se connecter',
    plansLink: 'Plans',
  },
} as const;

type Language = keyof typeof LANGUAGES;

async function seeded(api: RunningApi): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await api.graphql<{ plans: { totalCount: number } }>('{ plans { totalCount } }');
    if ((res.data?.plans.totalCount ?? 0) >= 2) return;
    if (Date.now() > deadline) throw new Error(`the demo was not seeded within 60 s:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The heading has the focus: where a screen reader starts reading after a navigation. */
const focusedHeading = (page: Page) =>
  page.evaluate<string>('document.activeElement?.tagName === "H1" ? document.activeElement.textContent : ""');

describe("the anonymous reader's pages, in English and French, on a phone and a desktop", () => {
  const ENV = { SEED_DEMO: 'true', DEMO_LOGIN: 'true', OPERATOR_NAME: OPERATOR };
  let dataDir: string;
  let port: number;
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = tempDataDir('npa-browser-shell-');
    port = await freePort();
    api = await startApi({ dataDir, port, env: ENV });
    await seeded(api);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    if (dataDir) removeDir(dataDir);
  });

  async function open(language: Language, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: LANGUAGES[language].locale, viewport: { width, height: width < 600 ? 740 : 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    return { context, page };
  }

  /** The page as it is: an h1, a translated title, the heading focused, no axe violation, nothing wider than the screen. */
  async function expectSound(page: Page, language: Language, name: string, h1: string, width: number): Promise<void> {
    await page.getByRole('heading', { level: 1, name: h1, exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.title()).toBe(`${h1} · ${LANGUAGES[language].app}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await focusedHeading(page)).toBe(h1);
    await screenshot(page, `shell-${name}-${language}-${width}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
  }

  for (const language of ['en', 'fr'] as const) {
    for (const width of [360, 1280]) {
      it(`${language} at ${width} px: home, sign-in and not-found pages, opened directly and by following links`, async () => {
        const { context, page } = await open(language, width);
        const { pages, signInLink, plansLink } = LANGUAGES[language];
        try {
          for (const [name, { path, h1, loaded }] of Object.entries(pages)) {
            await page.goto(`${api.url}${path}`);
            await page.getByText(loaded, { exact: true }).waitFor();
            if (name === 'home') await page.getByRole('link', { name: COSTA_RICA }).waitFor();
            await expectSound(page, language, name, h1, width);
          }
          // Navigations inside the app: the new page's heading takes the focus each time.
          await page.getByRole('navigation').getByRole('link', { name: plansLink, exact: true }).click();
          await page.getByRole('link', { name: COSTA_RICA }).waitFor();
          expect(await focusedHeading(page)).toBe(pages.home.h1);
          expect(await page.title()).toBe(`${pages.home.h1} · ${LANGUAGES[language].app}`);
          await page.getByRole('navigation').getByRole('link', { name: signInLink, exact: true }).click();
          await page.getByText(pages['sign-in'].loaded, { exact: true }).waitFor();
          await expectSound(page, language, 'sign-in-navigated', pages['sign-in'].h1, width);
          await page.getByRole('link', { name: LANGUAGES[language].app }).click();
          await page.getByRole('heading', { level: 1, name: pages.home.h1 }).waitFor();
          expect(await focusedHeading(page)).toBe(pages.home.h1);
        } finally {
          await context.close();
        }
      }, 90_000);
    }
  }

  it('fits a 360-pixel phone with a signed-in reader in the header, in both languages', async () => {
    for (const language of ['en', 'fr'] as const) {
      const { context, page } = await open(language, 360);
      try {
        await page.goto(`${api.url}/sign-in`);
        await page.locator('#participant').selectOption({ label: 'Costa Rica plan coordinator (COORDINATOR)' });
        await page.locator('form button[type=submit]').click();
        await page.getByRole('link', { name: COSTA_RICA }).waitFor();
        await page
          .getByText(/Costa Rica plan coordinator/)
          .first()
          .waitFor();
        await screenshot(page, `shell-signed-in-${language}-360`);
        expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('keeps a page already read when the api stops, says so with a way to try again, and recovers', async () => {
    const { context, page } = await open('en', 360);
    try {
      await page.goto(api.url);
      await page.getByRole('link', { name: COSTA_RICA }).waitFor();
      const signIn = page.getByRole('navigation').getByRole('link', { name: 'Sign in', exact: true });
      const plans = page.getByRole('navigation').getByRole('link', { name: 'Plans', exact: true });
      await signIn.click();
      await page.getByLabel('Participant').waitFor();

      await api.stop();
      await plans.click();
      const notice = page.getByRole('status').filter({ hasText: 'The platform cannot be reached right now.' });
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(/may be out of date/);
      await page.getByRole('link', { name: COSTA_RICA }).waitFor(); // still what it showed
      await page
        .getByText(/milestones? overdue/)
        .first()
        .waitFor();
      expect(await page.content()).not.toMatch(/Failed to fetch|NetworkError/);
      await screenshot(page, 'shell-offline');
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });

      // A page never opened cannot fetch its code: it says so, in words, with a way to try again.
      await page.getByRole('link', { name: COSTA_RICA }).click();
      await page.getByRole('heading', { level: 1, name: 'This page could not open' }).waitFor();
      expect(await page.getByRole('alert').innerText()).toMatch(/The platform cannot be reached right now/);
      await page.getByRole('button', { name: 'Reload the page' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goBack();
      await notice.waitFor();

      api = await startApi({ dataDir, port, env: ENV });
      await page.getByRole('button', { name: 'Try again' }).click();
      await notice.waitFor({ state: 'detached' });
      await page.getByRole('link', { name: COSTA_RICA }).waitFor();

      // The browser loses its connection: the page says so, and asks again by itself once it is back.
      await context.setOffline(true);
      await signIn.click();
      await page.getByRole('alert').filter({ hasText: 'The platform cannot be reached right now.' }).waitFor();
      await plans.click();
      const offline = page.getByRole('status').filter({ hasText: 'You are offline.' });
      await offline.waitFor();
      await page.getByRole('link', { name: COSTA_RICA }).waitFor();
      await context.setOffline(false);
      await offline.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  it('serves the built app compressed, its hashed files cached as immutable and its index page revalidated', async () => {
    const index = await fetch(api.url, { headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const deepLink = await fetch(`${api.url}/plans/some-plan`, { headers: { accept: 'text/html' } });
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');

    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    let compressed = 0;
    for (const asset of assets) {
      const raw = await fetch(`${api.url}${asset}`, { headers: { 'accept-encoding': 'identity' } });
      const size = (await raw.arrayBuffer()).byteLength;
      for (const encoding of ['br', 'gzip']) {
        const res = await fetch(`${api.url}${asset}`, { headers: { 'accept-encoding': encoding } });
        expect(res.status).toBe(200);
        // Files under 1 kB are not worth it (the compression middleware's threshold).
        expect(res.headers.get('content-encoding')).toBe(size >= 1024 ? encoding : null);
        if (size >= 1024) compressed++;
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        await res.arrayBuffer();
      }
    }
    expect(compressed).toBeGreaterThanOrEqual(4);
    const gone = await fetch(`${api.url}/assets/index-0ld8u1ld.js`, { headers: { accept: '*/*' } });
    expect(gone.status).toBe(404);
    await gone.arrayBuffer();
  });
});
