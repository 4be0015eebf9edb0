// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApolloClient, ApolloLink } from '@apollo/client';
import { print } from '@apollo/client/utilities';
import { Observable } from 'rxjs';
import { pageQueryTexts } from '../generated-documents';
import { signIn, signOut } from './auth';
import { createCache } from './cache';
import { sendFirstRequests } from './first-requests';
import { PAGE_OPERATIONS, pageQueries, requestKey } from './page-queries';
import { PAGE_DOCUMENTS } from './preload';

const texts = pageQueryTexts();

/** A fetch that records what it is asked and answers `status` with `body`. */
function fakeFetch(status = 200, body: unknown = { data: { ok: true } }) {
  const calls: { url: string; init: RequestInit }[] = [];
  const send = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  }) as typeof fetch;
  return { calls, send };
}

afterEach(() => signOut());

describe("the queries the index page sends before the app's code comes", () => {
  it("are written as the app's client sends them, so that the app takes their answers", async () => {
    const sent = new Map<string, string>();
    const api = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          sent.set(operation.operationName!, print(operation.query));
          observer.error(new Error('only the text is wanted'));
        }),
    );
    const client = new ApolloClient({ link: api, cache: createCache() });
    for (const name of PAGE_OPERATIONS)
      await client.query({ query: PAGE_DOCUMENTS[name], variables: { planId: 'p' }, fetchPolicy: 'network-only' }).catch(() => undefined);
    expect(Object.fromEntries(sent)).toEqual(texts);
  });

  it("are the opened page's, with the header's platform date, keyed as the app asks for them", () => {
    const { calls, send } = fakeFetch();
    const location = { pathname: '/plans/plan%201', search: '?asOf=2012-01-01' };
    const requests = sendFirstRequests(texts, location, send);
    const bodies = calls.map(
      (call) => JSON.parse(String(call.init.body)) as { operationName: string; variables: Record<string, unknown>; query: string },
    );
    expect(bodies.map((body) => body.operationName)).toEqual([
      'PlatformDate',
      'PlanDashboardAsOf',
      'PlanAccountabilityAsOf',
      'PlanDeadlines',
    ]);
    expect(bodies[1]).toEqual({
      operationName: 'PlanDashboardAsOf',
      variables: { planId: 'plan 1', date: '2012-01-01' },
      query: texts.PlanDashboardAsOf,
    });
    expect([...requests.keys()]).toEqual(pageQueries(location).map((query) => requestKey(query.operationName, query.variables)));
    expect(calls.every((call) => call.url === '/graphql' && call.init.method === 'POST')).toBe(true);
  });

  it("carry the signed-in participant's token, and none for a reader who is not signed in", () => {
    const anonymous = fakeFetch();
    sendFirstRequests(texts, { pathname: '/', search: '' }, anonymous.send);
    expect(anonymous.calls.map((call) => (call.init.headers as Record<string, string>)['authorization'])).toEqual([undefined, undefined]);
    signIn({ token: 'the-token', subject: 's', displayName: 'S' });
    const signedIn = fakeFetch();
    sendFirstRequests(texts, { pathname: '/', search: '' }, signedIn.send);
    expect(signedIn.calls.map((call) => (call.init.headers as Record<string, string>)['authorization'])).toEqual([
      'Bearer the-token',
      'Bearer the-token',
    ]);
  });

  it('keep an answer, and nothing for a request that failed, so that the app asks again', async () => {
    const answered = sendFirstRequests(texts, { pathname: '/', search: '' }, fakeFetch(200, { data: { serverInfo: {} } }).send);
    expect(await [...answered.values()][0]!.answer).toEqual({ data: { serverInfo: {} } });
    const refused = sendFirstRequests(texts, { pathname: '/', search: '' }, fakeFetch(400, { errors: [{ message: 'no' }] }).send);
    expect(await [...refused.values()][0]!.answer).toBeUndefined();
    const unreachable = sendFirstRequests(texts, { pathname: '/', search: '' }, (() =>
      Promise.reject(new TypeError('offline'))) as typeof fetch);
    expect(await [...unreachable.values()][0]!.answer).toBeUndefined();
  });
});
