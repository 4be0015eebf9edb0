import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { actingAs } from '../support/acting-as.js';
import { tokenFor } from '../support/tokens.js';
import { until } from '../support/until.js';

const ADMIN = 'demo-admin@secretariat.example';
const COORDINATOR = 'demo-coordinator-cr@secretariat.example';

interface ParticipantPage {
  participants: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; displayName: string; roles: { role: string; scope: string | null }[] } }[];
  };
}

const PAGE = `query ($first: Int, $after: String, $role: Role, $scope: ID) {
  participants(first: $first, after: $after, role: $role, scope: $scope) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName roles { role scope } } }
  }
}`;

/** An administrator's list of participants: by display name, a page at a time, by role and scope; nobody else's. */
describe('participants, for administrators', () => {
  let dataDir: string;
  let api: RunningApi;
  let call: ReturnType<typeof actingAs>;

  beforeAll(async () => {
    dataDir = tempDataDir('npa-participants-');
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true' } });
    const tokens = { admin: await tokenFor(dataDir, ADMIN), coordinator: await tokenFor(dataDir, COORDINATOR), anonymous: '' };
    call = actingAs(() => api, tokens);
    // Until the seed's last participant (the last youth) and its grants are read.
    await until(
      () => call.as<ParticipantPage>('admin', PAGE, { first: 100, role: 'YOUTH' }),
      (res) => (res.data?.participants.totalCount ?? 0) >= 4,
      250,
    );
  });

  afterAll(async () => {
    await api?.stop();
    if (dataDir) removeDir(dataDir);
  });

  it('pages through everyone by display name, each once, as many as the total says', async () => {
    const names: string[] = [];
    const ids = new Set<string>();
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 20; pages++) {
      const { participants }: ParticipantPage = await call.ok<ParticipantPage>('admin', PAGE, { first: 3, after });
      total = participants.totalCount;
      for (const edge of participants.edges) {
        names.push(edge.node.displayName);
        ids.add(edge.node.id);
      }
      expect(participants.edges.length).toBeLessThanOrEqual(3);
      if (!participants.pageInfo.hasNextPage) break;
      after = participants.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(6);
    expect(names).toHaveLength(total);
    expect(ids.size).toBe(total);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toEqual(expect.arrayContaining(['Platform administrator', 'Costa Rica plan coordinator', 'Paniamor monitor']));
  });

  it('lists those holding a role, on a scope when given, with their roles', async () => {
    const coordinators = (await call.ok<ParticipantPage>('admin', PAGE, { role: 'COORDINATOR' })).participants;
    expect(coordinators.edges.map((edge) => edge.node.displayName).sort()).toEqual([
      'Costa Rica plan coordinator',
      'Netherlands plan coordinator',
    ]);
    const plan = coordinators.edges.find((edge) => edge.node.displayName === 'Costa Rica plan coordinator')!.node.roles[0]!.scope;
    const onPlan = (await call.ok<ParticipantPage>('admin', PAGE, { role: 'COORDINATOR', scope: plan })).participants;
    expect(onPlan.totalCount).toBe(1);
    expect(onPlan.edges[0]!.node.roles).toEqual([{ role: 'COORDINATOR', scope: plan }]);
    const admins = (await call.ok<ParticipantPage>('admin', PAGE, { role: 'ADMIN' })).participants;
    expect(admins.edges.map((edge) => edge.node.displayName)).toEqual(['Platform administrator']);
  });

  it('is refused to everyone else, and a page size or cursor it never gave is bad input', async () => {
    expect((await call.as('coordinator', PAGE, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await call.as('anonymous', PAGE, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await call.as('admin', PAGE, { first: 0 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await call.as('admin', PAGE, { first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await call.as('admin', PAGE, { after: 'not-a-cursor' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await call.as('admin', PAGE, { after: Buffer.from('["n",1,2]').toString('base64url') })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
