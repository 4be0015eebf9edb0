import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type GraphQLResponse, type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { tokenFor } from '../support/tokens.js';

const ADMIN = 'admin@secretariat.example';
const FOCAL = 'focal@ministry.example';
const CONCURRENT = 50;

/** Concurrent writers through the real api: optimistic concurrency on one commitment, independence across many. */
describe('concurrent mutations', () => {
  let dataDir: string;
  let api: RunningApi;
  const token: Record<string, string> = {};
  const commitments: { id: string; version: number }[] = [];

  async function ok<T>(who: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const res: GraphQLResponse<T> = await api.graphql<T>(query, variables, token[who]);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  beforeAll(async () => {
    dataDir = tempDataDir('npa-concurrency-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    for (const who of [ADMIN, FOCAL]) token[who] = await tokenFor(dataDir, who);
    const planId = (
      await ok<{ draftPlan: { plan: { id: string } } }>(
        ADMIN,
        'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { plan { id } } }',
        {
          input: { country: 'KE', title: 'Kenya NPA', periodStart: '2025-01-01', periodEnd: '2029-12-31', defaultDeadline: '2029-12-31' },
        },
      )
    ).draftPlan.plan.id;
    await ok(ADMIN, 'mutation ($input: DefineThematicAreaInput!) { defineThematicArea(input: $input) { version } }', {
      input: { planId, code: 'PREV', title: 'Prevention' },
    });
    await ok(ADMIN, 'mutation ($input: PlanLifecycleInput!) { adoptPlan(input: $input) { version } }', { input: { planId } }); // drafts are not public
    const ownerId = (
      await ok<{ registerStakeholder: { stakeholder: { id: string } } }>(
        ADMIN,
        'mutation ($input: RegisterStakeholderInput!) { registerStakeholder(input: $input) { stakeholder { id } } }',
        {
          input: { name: 'Ministry of Interior', kind: 'GOVERNMENT', sector: 'justice', country: 'KE' },
        },
      )
    ).registerStakeholder.stakeholder.id;
    await ok(ADMIN, 'mutation ($input: AdmitStakeholderInput!) { admitStakeholder(input: $input) { version } }', {
      input: { planId, stakeholderId: ownerId },
    });
    await ok(ADMIN, 'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { version } }', {
      input: { subject: FOCAL, displayName: 'Focal point', kind: 'ADULT' },
    });
    await ok(ADMIN, 'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { version } }', {
      input: { subject: FOCAL, role: 'FOCAL_POINT', scope: ownerId },
    });
    for (let n = 0; n < CONCURRENT; n++) {
      const made = await ok<{ makeCommitment: { version: number; commitment: { id: string } } }>(
        FOCAL,
        'mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { version commitment { id } } }',
        {
          input: {
            planId,
            thematicAreaCode: 'PREV',
            ownerId,
            title: `Commitment ${n}`,
            description: 'Train officers',
            target: { indicator: 'officers trained', unit: 'officers', baseline: 0, targetValue: 100 },
          },
        },
      );
      const activated = await ok<{ activateCommitment: { version: number } }>(
        ADMIN,
        'mutation ($input: CommitmentLifecycleInput!) { activateCommitment(input: $input) { version } }',
        {
          input: { commitmentId: made.makeCommitment.commitment.id },
        },
      );
      commitments.push({ id: made.makeCommitment.commitment.id, version: activated.activateCommitment.version });
    }
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it(`gives ${CONCURRENT} simultaneous updates of one commitment at the same expectedVersion exactly one success`, async () => {
    const [target] = commitments;
    const outcomes = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, n) =>
        api.graphql<{ reviseCommitment: { version: number } }>(
          'mutation ($input: ReviseCommitmentInput!) { reviseCommitment(input: $input) { version } }',
          {
            input: { commitmentId: target!.id, expectedVersion: target!.version, reason: `Edit ${n}`, title: `Title from writer ${n}` },
          },
          token[FOCAL],
        ),
      ),
    );
    const codes = outcomes.map((o) => o.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(CONCURRENT - 1);
    const history = await ok<{ history: { type: string }[] }>(FOCAL, 'query ($id: ID!) { history(id: $id) { type } }', { id: target!.id });
    expect(history.history.filter((e) => e.type === 'CommitmentRevised')).toHaveLength(1);
  });

  it(`records ${CONCURRENT} simultaneous progress reports on different commitments, all of them`, async () => {
    const outcomes = await Promise.all(
      commitments.map((commitment) =>
        api.graphql(
          'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { position } }',
          {
            input: {
              commitmentId: commitment.id,
              period: '2025',
              percentComplete: 10,
              narrative: 'Started',
              visibility: 'PUBLIC',
              evidenceType: 'SELF_REPORTED',
            },
          },
          token[FOCAL],
        ),
      ),
    );
    expect(outcomes.filter((o) => o.errors)).toEqual([]);
    for (const commitment of commitments) {
      const read = await ok<{ commitment: { progressReports: { period: string }[] } }>(
        FOCAL,
        'query ($id: ID!) { commitment(id: $id) { progressReports { period } } }',
        { id: commitment.id },
      );
      expect(read.commitment.progressReports).toEqual([{ period: '2025' }]);
    }
  });
});
