/**
 * The web app as a reader's browser gets it: the api (compiled, in a child process) with the demo seeded, and
 * Debian's Chromium driven by playwright-core. For the first screen (the plans list) and a plan's dashboard, opened
 * by their address in a fresh browser context (nothing cached), then again in the same context (the hashed files
 * cached): the milliseconds until the page shows its data, the bytes transferred (compressed, as sent) against the
 * bytes of the files and answers themselves (raw), and the GraphQL requests the page sent (by operation name, so one
 * that goes out twice shows). Prints figures; asserts nothing (see README.md).
 *
 *   npm run bench:web            # builds, then runs dist/test/bench/web.js
 *   WEB_BENCH_RUNS=9 node dist/test/bench/web.js
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { FULL_CHROMIUM, launchChromium } from '../support/browser.js';

const RUNS = Number(process.env['WEB_BENCH_RUNS'] ?? 5);
const COSTA_RICA = 'Costa Rica: protecting children in travel and tourism 2010-2013';

interface Load {
  readonly ms: number;
  readonly requests: number;
  readonly graphql: number;
  readonly transferred: number;
  readonly raw: number;
  readonly scriptTransferred: number;
  readonly scriptRaw: number;
  /** The GraphQL operations the page sent, by name, in the order they went out. */
  readonly operations: readonly string[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Every request the page makes, with its bytes on the wire and its body's own size, once it has finished. */
function recorder(page: Page) {
  const pending: Promise<{ url: string; method: string; type: string; transferred: number; raw: number; operation?: string }>[] = [];
  const onFinished = (request: Request) => {
    pending.push(
      (async () => {
        const body: unknown = request.method() === 'POST' ? request.postDataJSON() : undefined;
        const operation = body && typeof body === 'object' && 'operationName' in body ? String(body.operationName) : undefined;
        const response = await request.response();
        const sizes = await request.sizes();
        const answer = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return {
          operation,
          url: request.url(),
          method: request.method(),
          type: request.resourceType(),
          transferred: sizes.responseBodySize + sizes.responseHeadersSize,
          raw: answer.length + sizes.responseHeadersSize,
        };
      })(),
    );
  };
  page.on('requestfinished', onFinished);
  return async (): Promise<Omit<Load, 'ms'>> => {
    page.off('requestfinished', onFinished);
    const done = await Promise.all(pending);
    const scripts = done.filter((r) => r.type === 'script');
    const graphql = done.filter((r) => new URL(r.url).pathname === '/graphql' && r.method === 'POST');
    return {
      requests: done.length,
      graphql: graphql.length,
      operations: graphql.map((r) => r.operation ?? '?'),
      transferred: done.reduce((sum, r) => sum + r.transferred, 0),
      raw: done.reduce((sum, r) => sum + r.raw, 0),
      scriptTransferred: scripts.reduce((sum, r) => sum + r.transferred, 0),
      scriptRaw: scripts.reduce((sum, r) => sum + r.raw, 0),
    };
  };
}

/** Opens `url` and waits until `shown` resolves (the page's data is on screen), then until the network is quiet. */
async function load(page: Page, url: string, shown: (page: Page) => Promise<unknown>): Promise<Load> {
  const stop = recorder(page);
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await shown(page);
  const ms = performance.now() - start;
  await page.waitForLoadState('networkidle');
  return { ms, ...(await stop()) };
}

const PAGES: Record<string, { path: (planId: string) => string; shown: (page: Page) => Promise<unknown> }> = {
  plans: {
    path: () => '/',
    shown: async (page) => {
      await page.getByRole('link', { name: COSTA_RICA }).waitFor();
      await page
        .getByText(/milestones? overdue/)
        .first()
        .waitFor();
    },
  },
  dashboard: {
    path: (planId) => `/plans/${planId}`,
    shown: async (page) => {
      await page.getByRole('heading', { level: 1, name: COSTA_RICA }).waitFor();
      await page.getByRole('table').first().waitFor();
    },
  },
};

async function main(): Promise<void> {
  const dataDir = tempDataDir('npa-bench-web-');
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  try {
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true' } });
    let planId: string | undefined;
    for (const deadline = Date.now() + 60_000; !planId && Date.now() < deadline;) {
      const res = await api.graphql<{ plans: { edges: { node: { id: string; title: string } }[] } }>(
        '{ plans { edges { node { id title } } } }',
      );
      planId = res.data?.plans.edges.find((edge) => edge.node.title === COSTA_RICA)?.node.id;
      if (!planId) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!planId) throw new Error('the demo was not seeded within 60 s');
    browser = await launchChromium(FULL_CHROMIUM);
    const figures: Record<string, number> = {};
    console.log(`web app on the seeded demo, ${RUNS} runs each (medians); cold = fresh browser context, warm = the same context again`);
    for (const [name, { path, shown }] of Object.entries(PAGES)) {
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context: BrowserContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        cold.push(await load(page, `${api.url}${path(planId)}`, shown));
        // Another visit: a new page in the same context, as a reader coming back (the hashed files come from its cache).
        const again = await context.newPage();
        again.setDefaultTimeout(30_000);
        warm.push(await load(again, `${api.url}${path(planId)}`, shown));
        await context.close();
      }
      for (const [when, loads] of [
        ['cold', cold],
        ['warm', warm],
      ] as const) {
        const f = (key: Exclude<keyof Load, 'operations'>) => median(loads.map((l) => l[key]));
        const prefix = `${name}_${when}`;
        Object.assign(figures, {
          [`${prefix}_ms`]: Math.round(f('ms')),
          [`${prefix}_transferred_kb`]: Math.round(f('transferred') / 1024),
          [`${prefix}_raw_kb`]: Math.round(f('raw') / 1024),
          [`${prefix}_script_transferred_kb`]: Math.round(f('scriptTransferred') / 1024),
          [`${prefix}_script_raw_kb`]: Math.round(f('scriptRaw') / 1024),
          [`${prefix}_requests`]: f('requests'),
          [`${prefix}_graphql_requests`]: f('graphql'),
        });
        console.log(
          `${name.padEnd(9)} ${when}: ${Math.round(f('ms'))} ms to its data (${loads.map((l) => Math.round(l.ms)).join(', ')}); ` +
            `${(f('transferred') / 1024).toFixed(0)} kB transferred for ${(f('raw') / 1024).toFixed(0)} kB raw ` +
            `(scripts ${(f('scriptTransferred') / 1024).toFixed(0)} of ${(f('scriptRaw') / 1024).toFixed(0)} kB); ` +
            `${f('requests')} requests, ${f('graphql')} GraphQL`,
        );
        // The operations of the first run, so a repeated one shows by its name.
        console.log(`${' '.repeat(10)}GraphQL operations: ${loads[0]?.operations.join(', ')}`);
      }
    }
    console.log(JSON.stringify(figures));
  } finally {
    await browser?.close();
    await api?.stop();
    removeDir(dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
