import { describe, expect, it } from 'vitest';
import { ApolloClient, ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';
import { createCache, PAST } from './cache';
import { DEADLINES } from './pages/PlanDashboard/queries';
import { Preloads } from './preload';

/** One milestone, as the api answers for today (overdue) and as at a day in the past (on track). */
const deadline = (status: string, dueDate: string) => ({
  __typename: 'Deadline',
  kind: 'MILESTONE',
  id: 'm1',
  title: 'Clause in supplier contracts',
  dueDate,
  originalDueDate: '2013-06-30',
  completedOn: null,
  moves: dueDate === '2013-06-30' ? 0 : 1,
  daysMoved: dueDate === '2013-06-30' ? 0 : 30,
  status,
  commitment: {
    __typename: 'Commitment',
    id: 'c1',
    title: "Members implement The Code's six criteria",
    owner: { __typename: 'Stakeholder', id: 's1', name: 'CANATUR' },
  },
});

function clientWithApi() {
  const preloads = new Preloads();
  const server = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'PlatformDate') {
          observer.next({ data: { serverInfo: { __typename: 'ServerInfo', today: '2026-12-07', demoDate: null } } });
          observer.complete();
          return;
        }
        const past = operation.variables['asAt'] !== null && operation.variables['asAt'] !== undefined;
        observer.next({ data: { deadlines: [past ? deadline('ON_TRACK', '2013-06-30') : deadline('OVERDUE', '2013-07-30')] } });
        observer.complete();
      }),
  );
  const client = new ApolloClient({ link: ApolloLink.from([preloads.link, server]), cache: createCache() });
  return { client, preloads };
}

const today = { planId: 'p1', asAt: null };
const statusToday = (client: ApolloClient) => client.readQuery({ query: DEADLINES, variables: today })?.deadlines[0]?.status;

describe('a page about the past', () => {
  it("leaves today's deadlines in the cache as they are, although its answer has the same ids", async () => {
    const { client } = clientWithApi();
    await client.query({ query: DEADLINES, variables: today });
    expect(statusToday(client)).toBe('OVERDUE');

    const past = await client.query({ query: DEADLINES, variables: { planId: 'p1', asAt: '2013-01-01' }, ...PAST });
    expect(past.data?.deadlines[0]?.status).toBe('ON_TRACK');
    expect(statusToday(client)).toBe('OVERDUE');
    expect(client.readQuery({ query: DEADLINES, variables: today })?.deadlines[0]?.dueDate).toBe('2013-07-30');
  });

  it('is preloaded without writing its answer into the cache', async () => {
    const { client, preloads } = clientWithApi();
    await client.query({ query: DEADLINES, variables: today });
    preloads.startPage(client, { pathname: '/plans/p1', search: '?asOf=2013-01-01' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statusToday(client)).toBe('OVERDUE');
  });
});
