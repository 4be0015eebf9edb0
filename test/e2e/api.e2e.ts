import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { runCli } from '../support/cli-process.js';
import { until } from '../support/until.js';

const ADMIN = 'admin@coordination.example';

const REGISTER = `mutation ($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) { version position participant { id displayName kind roles { role scope } personalData { subject } } }
}`;
const GRANT = `mutation ($input: GrantRoleInput!) {
  grantRole(input: $input) { version position participant { id roles { role scope } } }
}`;
const VIEWER = '{ viewer { subject participantId displayName roles { role scope } } }';

describe('the api on the embedded default', () => {
  let dataDir: string;
  let api: RunningApi;
  let adminToken: string;
  const cli = (...args: string[]) => runCli(args, { DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    const token = await cli('token', '--sub', ADMIN);
    expect(token.code).toBe(0);
    adminToken = token.stdout.trim();
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('reports health with the event store and every read model', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; info: Record<string, unknown> };
    expect(body.status).toBe('ok');
    expect(body.info['eventStore']).toMatchObject({ status: 'up', kind: 'sqlite' });
    expect(body.info['projections']).toMatchObject({ status: 'up', participants: { state: 'running', lag: 0 } });
  });

  it('serves Prometheus metrics for requests, commands, appends and read-model lag', async () => {
    await api.graphql('{ serverInfo { version } }');
    const text = await api.metrics();
    for (const name of [
      'http_request_duration_seconds',
      'command_duration_seconds',
      'eventstore_append_duration_seconds',
      'projection_lag_events',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toMatch(/projection_lag_events\{projection="participants"\} 0/);
    expect(text).toMatch(/eventstore_append_duration_seconds_count\{outcome="ok"\} [1-9]/);
  });

  it('answers serverInfo with the store kind, head position and read models', async () => {
    const res = await api.graphql<{
      serverInfo: { eventStore: string; headPosition: string; projections: { name: string; state: string; position: string }[] };
    }>('{ serverInfo { version eventStore headPosition projections { name version position lag state error } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.serverInfo.eventStore).toBe('sqlite');
    expect(res.data!.serverInfo.headPosition).toMatch(/^\d+$/);
    expect(res.data!.serverInfo.projections).toContainEqual(
      expect.objectContaining({ name: 'participants', state: 'RUNNING', position: res.data!.serverInfo.headPosition }),
    );
  });

  it('lets anyone read but refuses an anonymous mutation as UNAUTHENTICATED, changing nothing', async () => {
    const before = await api.graphql<{ serverInfo: { headPosition: string } }>('{ serverInfo { headPosition } }');
    expect((await api.graphql(VIEWER)).data).toEqual({ viewer: null });
    const res = await api.graphql(REGISTER, { input: { subject: 'someone', displayName: 'Someone', kind: 'ADULT' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const after = await api.graphql<{ serverInfo: { headPosition: string } }>('{ serverInfo { headPosition } }');
    expect(after.data!.serverInfo.headPosition).toBe(before.data!.serverInfo.headPosition);
  });

  it('refuses a forged or malformed token as UNAUTHENTICATED', async () => {
    const forged = await api.graphql(VIEWER, undefined, `${adminToken.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('accepts the bootstrap admin: the viewer has ADMIN and may register participants and grant roles', async () => {
    const viewer = await api.graphql<{ viewer: { subject: string; roles: unknown[] } }>(VIEWER, undefined, adminToken);
    expect(viewer.data!.viewer).toMatchObject({ subject: ADMIN, roles: [{ role: 'ADMIN', scope: null }] });

    const registered = await api.graphql<{
      registerParticipant: {
        version: number;
        position: string;
        participant: { id: string; kind: string; personalData: { subject: string } };
      };
    }>(
      REGISTER,
      { input: { subject: 'focal@justice.example', displayName: 'Ministry of Justice focal point', kind: 'ADULT' } },
      adminToken,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerParticipant).toMatchObject({
      version: 0,
      participant: { kind: 'ADULT', personalData: { subject: 'focal@justice.example' } },
    });
    // The participant's id reveals nothing of the subject: it is not derived from it.
    expect(registered.data!.registerParticipant.participant.id).toMatch(/^[0-9a-f-]{36}$/);

    const granted = await api.graphql<{ grantRole: { version: number; participant: { roles: unknown[] } } }>(
      GRANT,
      { input: { subject: 'focal@justice.example', role: 'FOCAL_POINT', scope: 'stakeholder-justice', expectedVersion: 0 } },
      adminToken,
    );
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantRole).toMatchObject({
      version: 1,
      participant: { roles: [{ role: 'FOCAL_POINT', scope: 'stakeholder-justice' }] },
    });

    const focalToken = (await cli('token', '--sub', 'focal@justice.example')).stdout.trim();
    const focalViewer = await api.graphql<{ viewer: { roles: unknown[] } }>(VIEWER, undefined, focalToken);
    expect(focalViewer.data!.viewer.roles).toEqual([{ role: 'FOCAL_POINT', scope: 'stakeholder-justice' }]);
  });

  it('refuses a non-admin as FORBIDDEN, bad input as BAD_USER_INPUT and a stale version as CONFLICT', async () => {
    const outsider = (await cli('token', '--sub', 'outsider@example.org')).stdout.trim();
    const forbidden = await api.graphql(REGISTER, { input: { subject: 'x', displayName: 'X', kind: 'ADULT' } }, outsider);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const invalid = await api.graphql(
      REGISTER,
      { input: { subject: 'has space', displayName: '', kind: 'ADULT', commandId: 'nope' } },
      adminToken,
    );
    expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid.errors?.[0]?.extensions?.['fields'])).toContain('subject');

    const unknownEnum = await api.graphql(REGISTER, { input: { subject: 'y', displayName: 'Y', kind: 'ROBOT' } }, adminToken);
    expect(unknownEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const stale = await api.graphql(
      GRANT,
      { input: { subject: 'focal@justice.example', role: 'MONITOR', scope: 'plan-1', expectedVersion: 0 } },
      adminToken,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const rule = await api.graphql(
      GRANT,
      { input: { subject: 'focal@justice.example', role: 'FOCAL_POINT', scope: 'stakeholder-justice' } },
      adminToken,
    );
    expect(rule.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
  });

  it('treats a retried command (same commandId) as one: same result, nothing appended twice', async () => {
    const input = { commandId: randomUUID(), subject: 'youth@panel.example', displayName: 'Youth panel member', kind: 'YOUTH' };
    const first = await api.graphql<{ registerParticipant: { position: string; version: number } }>(REGISTER, { input }, adminToken);
    const again = await api.graphql<{ registerParticipant: { position: string; version: number } }>(REGISTER, { input }, adminToken);
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data!.registerParticipant).toEqual(first.data!.registerParticipant);
  });

  it('picks up a role granted from the CLI on the same data directory', async () => {
    const granted = await cli(
      'grant-role',
      '--sub',
      'coordinator@secretariat.example',
      '--role',
      'COORDINATOR',
      '--scope',
      'plan-netherlands',
    );
    expect(granted.stderr).toBe('');
    expect(granted.code).toBe(0);
    const token = (await cli('token', '--sub', 'coordinator@secretariat.example')).stdout.trim();
    // Until the api has projected the grant the CLI appended.
    const roles = await until(
      async () => (await api.graphql<{ viewer: { roles: unknown[] } }>(VIEWER, undefined, token)).data?.viewer.roles ?? [],
      (answer) => answer.length > 0,
    );
    expect(roles).toEqual([{ role: 'COORDINATOR', scope: 'plan-netherlands' }]);
    const tail = await cli('events', 'tail');
    const lines = tail.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; actor: string });
    expect(lines.map((l) => l.type)).toEqual(expect.arrayContaining(['ParticipantRegistered', 'RoleGranted']));
    // Events name the admin who acted by their participant id, never by their subject.
    const admin = await api.graphql<{ viewer: { participantId: string } }>(VIEWER, undefined, adminToken);
    expect(lines.find((l) => l.type === 'RoleGranted' && l.actor === admin.data!.viewer.participantId)).toBeDefined();
    expect(tail.stdout).not.toContain(ADMIN);
    expect(lines.find((l) => l.type === 'RoleGranted' && l.actor.startsWith('cli:'))).toBeDefined();
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const code = await api.stop('SIGTERM');
    expect(code).toBe(0);
    expect(api.output()).not.toMatch(/"level":50/);
  });
});

describe('query limits', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ env: { GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COST: '40', BODY_LIMIT: '2kb' } });
  });
  afterAll(async () => {
    await api?.stop();
    removeDir(api.dataDir);
  });

  it('rejects a query deeper than GRAPHQL_MAX_DEPTH before running it', async () => {
    expect((await api.graphql('{ serverInfo { projections { name } } }')).errors).toBeUndefined();
    const res = await api.graphql(
      'mutation { registerParticipant(input: { subject: "x", displayName: "X", kind: ADULT }) { participant { roles { role } } } }',
    );
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a query costlier than GRAPHQL_MAX_COST before running it', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: serverInfo { version }`).join(' ');
    const res = await api.graphql(`{ ${aliases} }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('prices one query text anew for each `first` and `@include` its variables give', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: serverInfo { version }`).join(' ');
    const query = `query Priced($n: Int, $many: Boolean!) { plans(first: $n) { totalCount } ... @include(if: $many) { ${aliases} } }`;
    const codes = [];
    for (const variables of [
      { n: 1, many: false },
      { n: 30, many: false },
      { n: 1, many: false },
      { n: 1, many: true },
      { n: 2, many: false },
    ]) {
      codes.push((await api.graphql(query, variables)).errors?.[0]?.extensions?.code ?? 'ok');
    }
    expect(codes).toEqual(['ok', 'QUERY_TOO_COMPLEX', 'ok', 'QUERY_TOO_COMPLEX', 'ok']);
    const mistyped = await api.graphql(query, { n: 'many', many: false });
    expect(mistyped.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a request body over BODY_LIMIT', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ serverInfo { version } } ${'#'.repeat(4000)}` }),
    });
    expect(res.status).toBe(413);
  });
});

describe('a read model that cannot project an event', () => {
  it('stops on that event, turns /health red naming it, and retries after a restart', async () => {
    const { SqliteEventStore } = await import('#eventstore');
    const dataDir = tempDataDir('npa-e2e-red-');
    let api = await startApi({ dataDir });
    try {
      // An event the participants projector cannot handle, appended by another process on the same log.
      const store = SqliteEventStore.open({ path: `${dataDir}/events.sqlite` });
      const { position } = await store.append(`participant-${randomUUID()}`, [
        {
          id: randomUUID(),
          type: 'RoleGranted',
          data: null,
          metadata: { correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 },
        },
      ]);
      await store.close();

      const res = await until(
        () => fetch(`${api.url}/health`),
        (answer) => answer.status === 503,
      );
      expect(res.status).toBe(503);
      const body = (await res.json()) as {
        error: { projections: { participants: { state: string; error: { position: string; eventType: string } } } };
      };
      expect(body.error.projections.participants).toMatchObject({
        state: 'failed',
        error: { position: position.toString(), eventType: 'RoleGranted' },
      });
      expect(api.output()).toContain('projection stopped');

      await api.stop();
      api = await startApi({ dataDir });
      const again = await fetch(`${api.url}/health`);
      const info = await api.graphql<{ serverInfo: { projections: { state: string; error: string }[] } }>(
        '{ serverInfo { projections { name state error } } }',
      );
      expect([200, 503]).toContain(again.status);
      expect(info.data!.serverInfo.projections[0]!.state).toBe('FAILED');
      expect(info.data!.serverInfo.projections[0]!.error).toContain(`event ${position} RoleGranted`);
    } finally {
      await api.stop();
      removeDir(dataDir);
    }
  });
});
