import { describe, expect, it } from 'vitest';
import { ApolloClient, ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';
import { createCache } from './cache';
import { plansVariables } from './page-queries';
import { PLANS } from './pages/plans-query';
import { PLATFORM_DATE } from './platform-date-query';
import { pageQueryTexts } from '../generated-documents';
import type { FirstRequest } from './first-requests';
import { requestKey } from './page-queries';
import { Preloads } from './preload';

const answer = (n: number) => ({
  data: {
    serverInfo: { __typename: 'ServerInfo', operator: `answer ${n}` },
    plans: {
      __typename: 'ActionPlanConnection',
      totalCount: 0,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: [],
    },
  },
});

const platformDate = { data: { serverInfo: { __typename: 'ServerInfo', today: '2026-12-07', demoDate: null } } };

/**
 * A client whose api counts the plans requests it gets and answers each after `release()` (the header's platform
 * date, which every page preloads too, is answered at once and counted apart).
 */
function clientWithApi(sent?: Map<string, FirstRequest>) {
  const preloads = new Preloads(sent);
  const api = { requests: 0, platformDates: 0, pending: [] as (() => void)[] };
  const server = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'PlatformDate') {
          api.platformDates++;
          observer.next(platformDate);
          observer.complete();
          return;
        }
        const n = ++api.requests;
        api.pending.push(() => {
          observer.next(answer(n));
          observer.complete();
        });
      }),
  );
  const client = new ApolloClient({ link: ApolloLink.from([preloads.link, server]), cache: createCache() });
  preloads.bind(client);
  const release = () => api.pending.splice(0).forEach((send) => send());
  return { client, preloads, api, release };
}

const variables = plansVariables(new URLSearchParams());
const operator = (result: { data?: unknown }) => (result.data as { serverInfo: { operator: string } }).serverInfo.operator;

describe('the queries started as the app starts', () => {
  it("give the page's own request their answer, whether it comes while they are on their way or after", async () => {
    for (const answeredFirst of [false, true]) {
      const { client, preloads, api, release } = clientWithApi();
      preloads.startPage(client, { pathname: '/', search: '' });
      await Promise.resolve();
      if (answeredFirst) release();
      const page = client.query({ query: PLANS, variables, fetchPolicy: 'network-only' });
      release();
      expect(operator(await page)).toBe('answer 1');
      expect(api.requests).toBe(1);
    }
  });

  it("include the header's platform date, which the header then reads without asking again", async () => {
    const { client, preloads, api, release } = clientWithApi();
    preloads.startPage(client, { pathname: '/', search: '' });
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const header = await client.query({ query: PLATFORM_DATE, fetchPolicy: 'cache-first' });
    expect(header.data?.serverInfo.today).toBe('2026-12-07');
    expect(api.platformDates).toBe(1);
  });

  it('are taken once: the next request for the same query goes to the api', async () => {
    const { client, preloads, api, release } = clientWithApi();
    preloads.startPage(client, { pathname: '/', search: '' });
    release();
    await client.query({ query: PLANS, variables, fetchPolicy: 'network-only' });
    const again = client.query({ query: PLANS, variables, fetchPolicy: 'network-only' });
    await Promise.resolve();
    release();
    expect(operator(await again)).toBe('answer 2');
    expect(api.requests).toBe(2);
  });

  it('are dropped when the cache is emptied (signing in or out), never taken late', async () => {
    const { client, preloads, api, release } = clientWithApi();
    preloads.startPage(client, { pathname: '/', search: '?status=ADOPTED' });
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await client.resetStore();
    const later = client.query({
      query: PLANS,
      variables: plansVariables(new URLSearchParams('status=ADOPTED')),
      fetchPolicy: 'network-only',
    });
    await Promise.resolve();
    release();
    expect(operator(await later)).toBe('answer 2');
    expect(api.requests).toBe(2);
  });
});

describe("the answers of the queries the index page sent before the app's code came", () => {
  const texts = pageQueryTexts();
  const sentPlans = (query: string, answer: unknown) =>
    new Map<string, FirstRequest>([[requestKey('Plans', variables), { query, answer: Promise.resolve(answer) }]]);

  it('are what the page shows, and the api is not asked again', async () => {
    const { client, preloads, api } = clientWithApi(sentPlans(texts.Plans, answer(7)));
    preloads.startPage(client, { pathname: '/', search: '' });
    const page = await client.query({ query: PLANS, variables, fetchPolicy: 'network-only' });
    expect(operator(page)).toBe('answer 7');
    expect(api.requests).toBe(0);
  });

  /** Opens the plans list: the page shows the api's own answer to its one request. */
  async function expectAskedOfTheApi({ client, preloads, api, release }: ReturnType<typeof clientWithApi>): Promise<void> {
    preloads.startPage(client, { pathname: '/', search: '' });
    const page = client.query({ query: PLANS, variables, fetchPolicy: 'network-only' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    expect(operator(await page)).toBe('answer 1');
    expect(api.requests).toBe(1);
  }

  it('are not taken for a query written otherwise, nor when the request failed: the app asks the api', async () => {
    await expectAskedOfTheApi(clientWithApi(sentPlans('query Plans { plans { totalCount } }', answer(7))));
    await expectAskedOfTheApi(clientWithApi(sentPlans(texts.Plans, undefined)));
  });

  it('are dropped when the cache is emptied before the app asks (signing in or out)', async () => {
    const app = clientWithApi(sentPlans(texts.Plans, answer(7)));
    await app.client.resetStore();
    await expectAskedOfTheApi(app);
  });
});
