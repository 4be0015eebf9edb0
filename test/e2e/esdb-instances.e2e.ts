import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type GraphQLResponse, type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { EsdbTestCluster } from '../support/esdb/server.js';
import { tokenSignedWith } from '../support/tokens.js';

const ADMIN = 'admin@secretariat.example';
const PERSON = 'person-81@idp.example';
const SECRET = 'two-instances-share-this-development-secret';

const DRAFT = 'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { position plan { id title } } }';
const PLAN = 'query ($id: ID!, $after: Position) { plan(id: $id, consistentAfter: $after) { id title status } }';

describe('two api instances on one EventStoreDB', () => {
  let cluster: EsdbTestCluster;
  let writer: RunningApi;
  let reader: RunningApi;
  const dataDirs: string[] = [];
  let admin = '';
  let person = '';

  async function ok<T>(api: RunningApi, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res: GraphQLResponse<T> = await api.graphql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  beforeAll(async () => {
    cluster = await EsdbTestCluster.start();
    const env = {
      EVENTSTORE_URL: cluster.connectionString(),
      AUTH_DEV_SECRET: SECRET,
      BOOTSTRAP_ADMIN: ADMIN,
      CONSISTENCY_TIMEOUT_MS: '1500',
    };
    for (let i = 0; i < 2; i++) dataDirs.push(tempDataDir(`npa-e2e-esdb-${i}-`));
    writer = await startApi({ dataDir: dataDirs[0], env });
    reader = await startApi({ dataDir: dataDirs[1], env });
    admin = await tokenSignedWith(SECRET, ADMIN);
    person = await tokenSignedWith(SECRET, PERSON);
  });

  afterAll(async () => {
    await writer?.stop();
    await reader?.stop();
    await cluster?.stop();
    for (const dir of dataDirs) removeDir(dir);
  });

  it('serves the same GraphQL API on EventStoreDB', async () => {
    for (const api of [writer, reader]) {
      expect((await ok<{ serverInfo: { eventStore: string } }>(api, '{ serverInfo { eventStore } }', {})).serverInfo.eventStore).toBe(
        'esdb',
      );
      const health = (await (await fetch(`${api.url}/health`)).json()) as { status: string; info: { eventStore: { kind: string } } };
      expect(health).toMatchObject({ status: 'ok', info: { eventStore: { kind: 'esdb' } } });
    }
  });

  it('answers a query through one instance with what a mutation through the other wrote, once it has projected it', async () => {
    const drafted = await ok<{ draftPlan: { position: string; plan: { id: string } } }>(
      writer,
      DRAFT,
      {
        input: {
          country: 'NL',
          title: 'Netherlands NPA',
          periodStart: '2025-01-01',
          periodEnd: '2029-12-31',
          defaultDeadline: '2029-12-31',
        },
      },
      admin,
    );
    const { id } = drafted.draftPlan.plan;
    const seen = await ok<{ plan: { id: string; title: string; status: string } }>(
      reader,
      PLAN,
      { id, after: drafted.draftPlan.position },
      admin,
    ); // a draft: admins read it
    expect(seen.plan).toEqual({ id, title: 'Netherlands NPA', status: 'DRAFT' });

    // And the other way round: a write through the reader, read back through the writer.
    const defined = await ok<{ defineThematicArea: { position: string } }>(
      reader,
      'mutation ($input: DefineThematicAreaInput!) { defineThematicArea(input: $input) { position } }',
      {
        input: { planId: id, code: 'PREV', title: 'Prevention' },
      },
      admin,
    );
    const areas = 'query ($id: ID!, $after: Position) { plan(id: $id, consistentAfter: $after) { thematicAreas { code } } }';
    expect(
      (await ok<{ plan: { thematicAreas: unknown } }>(writer, areas, { id, after: defined.defineThematicArea.position }, admin)).plan
        .thematicAreas,
    ).toEqual([{ code: 'PREV' }]);
  });

  it('waits a bounded time for a position it has not projected, then says UNAVAILABLE instead of answering from older data', async () => {
    const farAhead = String(10n ** 15n);
    const started = Date.now();
    const res = await reader.graphql(PLAN, { id: 'any', after: farAhead });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(res.errors?.[0]?.message).toMatch(/have not reached position/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps personal-data keys in EventStoreDB, so an erasure through one instance holds on the other', async () => {
    const PARTICIPANT = 'query ($id: ID!) { participant(id: $id) { personalData { realName erased } } }';
    const registered = await ok<{ registerParticipant: { position: string; participant: { id: string } } }>(
      writer,
      'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { position participant { id } } }',
      { input: { subject: PERSON, displayName: 'Sol', kind: 'ADULT', realName: 'Sol Brenes Mora', email: 'sol@correo.example' } },
      admin,
    );
    const id = registered.registerParticipant.participant.id;
    await ok(reader, PLAN, { id: 'none', after: registered.registerParticipant.position });
    expect((await ok<{ participant: { personalData: unknown } }>(reader, PARTICIPANT, { id }, person)).participant.personalData).toEqual({
      realName: 'Sol Brenes Mora',
      erased: false,
    });
    const erased = await ok<{ erasePersonalData: { position: string } }>(
      reader,
      'mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { position } }',
      { input: { participantId: id } },
      person,
    );
    await ok(writer, PLAN, { id: 'none', after: erased.erasePersonalData.position });
    expect((await ok<{ participant: { personalData: unknown } }>(writer, PARTICIPANT, { id }, admin)).participant.personalData).toEqual({
      realName: null,
      erased: true,
    });
    // No event in the cluster carries the real name in clear; the key stream is tombstoned.
    const clear = cluster.log.records.filter((record) => Buffer.from(record.data).includes('Sol Brenes'));
    expect(clear).toEqual([]);
    expect(cluster.log.read(`participant-key-${id}`)).toEqual({ kind: 'deleted' });
  });
});
