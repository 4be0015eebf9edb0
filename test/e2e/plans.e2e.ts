import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { tokenFor } from '../support/tokens.js';
import { actingAs } from '../support/acting-as.js';

const ADMIN = 'admin@secretariat.example';
const COORDINATOR = 'coordinator@secretariat.example';
const FOCAL = 'focal@justice.example';
const OUTSIDER = 'outsider@example.org';

const PLAN_FIELDS = 'id title status version reportingCycle defaultDeadline thematicAreas { code title } stakeholders { id name }';
const COMMITMENT_FIELDS = 'id title status version dueDate dueDateInherited owner { name } plan { title } thematicArea { code }';

describe('plans, stakeholders and commitments through the api', () => {
  let dataDir: string;
  let api: RunningApi;
  const token: Record<string, string> = {};
  let planId = '';
  let stakeholderId = '';
  let commitmentId = '';

  const { as, ok } = actingAs(() => api, token);
  const head = async () =>
    (await api.graphql<{ serverInfo: { headPosition: string } }>('{ serverInfo { headPosition } }')).data!.serverInfo.headPosition;

  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-plans-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    for (const who of [ADMIN, COORDINATOR, FOCAL, OUTSIDER]) token[who] = await tokenFor(dataDir, who);
    const register = `mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { version } }`;
    await ok(ADMIN, register, { input: { subject: COORDINATOR, displayName: 'National committee secretariat', kind: 'ADULT' } });
    await ok(ADMIN, register, { input: { subject: FOCAL, displayName: 'Ministry of Justice focal point', kind: 'ADULT' } });
    await ok(ADMIN, register, { input: { subject: OUTSIDER, displayName: 'Outsider', kind: 'ADULT' } });
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('tells the story: draft, define, admit, adopt, commit, activate, revise, and the history shows who did what', async () => {
    const drafted = await ok<{ draftPlan: { plan: { id: string; status: string; reportingCycle: string }; version: number } }>(
      ADMIN,
      `mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { version position plan { ${PLAN_FIELDS} } } }`,
      {
        input: {
          country: 'NL',
          title: 'Netherlands NPA 2009-2013',
          periodStart: '2009-01-01',
          periodEnd: '2013-12-31',
          defaultDeadline: '2013-12-31',
        },
      },
    );
    planId = drafted.draftPlan.plan.id;
    expect(drafted.draftPlan).toMatchObject({ version: 0, plan: { status: 'DRAFT', reportingCycle: 'ANNUAL' } });

    await ok(ADMIN, `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { version } }`, {
      input: { subject: COORDINATOR, role: 'COORDINATOR', scope: planId },
    });
    for (const [code, title] of [
      ['PREV', 'Prevention'],
      ['PROT', 'Protection'],
    ]) {
      await ok(COORDINATOR, `mutation ($input: DefineThematicAreaInput!) { defineThematicArea(input: $input) { version } }`, {
        input: { planId, code, title },
      });
    }
    const stakeholder = await ok<{ registerStakeholder: { stakeholder: { id: string } } }>(
      COORDINATOR,
      `mutation ($input: RegisterStakeholderInput!) { registerStakeholder(input: $input) { version stakeholder { id name kind } } }`,
      { input: { name: 'Ministry of Justice', kind: 'GOVERNMENT', sector: 'justice', country: 'NL' } },
    );
    stakeholderId = stakeholder.registerStakeholder.stakeholder.id;
    const admitted = await ok<{ admitStakeholder: { plan: { stakeholders: { name: string }[] } } }>(
      COORDINATOR,
      `mutation ($input: AdmitStakeholderInput!) { admitStakeholder(input: $input) { plan { ${PLAN_FIELDS} } } }`,
      { input: { planId, stakeholderId } },
    );
    expect(admitted.admitStakeholder.plan.stakeholders).toEqual([{ id: stakeholderId, name: 'Ministry of Justice' }]);
    const adopted = await ok<{ adoptPlan: { plan: { status: string }; version: number } }>(
      COORDINATOR,
      `mutation ($input: PlanLifecycleInput!) { adoptPlan(input: $input) { version plan { status } } }`,
      { input: { planId, expectedVersion: 3 } },
    );
    expect(adopted.adoptPlan).toEqual({ version: 4, plan: { status: 'ADOPTED' } });

    await ok(ADMIN, `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { version } }`, {
      input: { subject: FOCAL, role: 'FOCAL_POINT', scope: stakeholderId },
    });
    const made = await ok<{ makeCommitment: { commitment: { id: string }; position: string } }>(
      FOCAL,
      `mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { version position commitment { ${COMMITMENT_FIELDS} } } }`,
      {
        input: {
          planId,
          thematicAreaCode: 'PROT',
          ownerId: stakeholderId,
          title: 'Train every prosecutor',
          description: 'Training on the sexual exploitation of children for all prosecutors.',
          sourceReference: 'Agenda for Action 2.i.b',
          target: { indicator: 'prosecutors trained', unit: 'people', baseline: 0, targetValue: 400 },
        },
      },
    );
    commitmentId = made.makeCommitment.commitment.id;
    expect(made.makeCommitment.commitment).toMatchObject({
      status: 'PROPOSED',
      dueDate: '2013-12-31',
      dueDateInherited: true,
      owner: { name: 'Ministry of Justice' },
      plan: { title: 'Netherlands NPA 2009-2013' },
      thematicArea: { code: 'PROT' },
    });

    const activated = await ok<{ activateCommitment: { commitment: { status: string } } }>(
      COORDINATOR,
      `mutation ($input: CommitmentLifecycleInput!) { activateCommitment(input: $input) { commitment { status } } }`,
      { input: { commitmentId } },
    );
    expect(activated.activateCommitment.commitment.status).toBe('ACTIVE');

    const revised = await ok<{
      reviseCommitment: { version: number; position: string; commitment: { dueDate: string; dueDateInherited: boolean } };
    }>(
      FOCAL,
      `mutation ($input: ReviseCommitmentInput!) { reviseCommitment(input: $input) { version position commitment { dueDate dueDateInherited } } }`,
      { input: { commitmentId, expectedVersion: 1, dueDate: '2013-06-30', reason: 'Training budget moved forward' } },
    );
    expect(revised.reviseCommitment).toMatchObject({ version: 2, commitment: { dueDate: '2013-06-30', dueDateInherited: false } });

    const history = await ok<{
      history: {
        type: string;
        actor: string;
        reason: string | null;
        changes: { field: string; from: string | null; to: string | null }[];
      }[];
    }>(
      OUTSIDER,
      `query ($id: ID!, $after: Position) { history(id: $id, consistentAfter: $after) { position at type actor reason changes { field from to } } }`,
      { id: commitmentId, after: revised.reviseCommitment.position },
    );
    expect(history.history.map((entry) => [entry.type, entry.actor])).toEqual([
      ['CommitmentMade', 'Ministry of Justice focal point'],
      ['CommitmentActivated', 'National committee secretariat'],
      ['CommitmentRevised', 'Ministry of Justice focal point'],
    ]);
    expect(history.history[2]).toMatchObject({
      reason: 'Training budget moved forward',
      changes: [{ field: 'dueDate', from: '"2013-12-31"', to: '"2013-06-30"' }],
    });

    const planHistory = await ok<{ history: { type: string; actor: string }[] }>(
      ADMIN,
      `query ($id: ID!) { history(id: $id) { type actor } }`,
      { id: planId },
    );
    expect(planHistory.history.map((e) => e.type)).toEqual([
      'PlanDrafted',
      'ThematicAreaDefined',
      'ThematicAreaDefined',
      'StakeholderAdmitted',
      'PlanAdopted',
    ]);
    expect(planHistory.history[0]!.actor).toBe('Administrator'); // by display name: a subject is personal data

    const read = await ok<{
      plan: { summary: { total: number; byStatus: unknown[]; byThematicArea: unknown[] }; commitments: { totalCount: number } };
      stakeholder: { commitments: { totalCount: number } };
      plans: { totalCount: number };
    }>(
      OUTSIDER,
      `query ($id: ID!, $sid: ID!) {
        plan(id: $id) { summary { total byStatus { status count } byThematicArea { thematicArea { code } count } }
                        commitments(ownerKind: GOVERNMENT, status: ACTIVE, thematicArea: "PROT") { totalCount } }
        stakeholder(id: $sid) { commitments { totalCount } }
        plans(country: "NL", status: ADOPTED) { totalCount }
      }`,
      { id: planId, sid: stakeholderId },
    );
    expect(read.plan.summary).toEqual({
      total: 1,
      byStatus: [{ status: 'ACTIVE', count: 1 }],
      byThematicArea: [
        { thematicArea: { code: 'PREV' }, count: 0 },
        { thematicArea: { code: 'PROT' }, count: 1 },
      ],
    });
    expect(read.plan.commitments.totalCount).toBe(1);
    expect(read.stakeholder.commitments.totalCount).toBe(1);
    expect(read.plans.totalCount).toBe(1);
  });

  it('refuses every mutation to the wrong role with FORBIDDEN and writes nothing', async () => {
    const before = await head();
    const attempts: [string, string, Record<string, unknown>][] = [
      [COORDINATOR, 'draftPlan(input: { country: "NL", title: "Another plan", periodStart: "2020-01-01", periodEnd: "2021-01-01" })', {}],
      [FOCAL, `defineThematicArea(input: { planId: "${planId}", code: "X", title: "Extra" })`, {}],
      [FOCAL, `adoptPlan(input: { planId: "${planId}" })`, {}],
      [FOCAL, `closePlan(input: { planId: "${planId}" })`, {}],
      [FOCAL, `admitStakeholder(input: { planId: "${planId}", stakeholderId: "${stakeholderId}" })`, {}],
      [FOCAL, 'registerStakeholder(input: { name: "Some NGO", kind: NGO, sector: "child protection", country: "NL" })', {}],
      [
        COORDINATOR,
        `makeCommitment(input: { planId: "${planId}", thematicAreaCode: "PREV", ownerId: "${stakeholderId}", title: "Not mine", description: "x", target: { indicator: "people trained", unit: "people", baseline: 0, targetValue: 1 } })`,
        {},
      ],
      [FOCAL, `activateCommitment(input: { commitmentId: "${commitmentId}" })`, {}],
      [COORDINATOR, `reviseCommitment(input: { commitmentId: "${commitmentId}", reason: "not mine", title: "Changed" })`, {}],
      [OUTSIDER, `withdrawCommitment(input: { commitmentId: "${commitmentId}", reason: "not mine" })`, {}],
      [OUTSIDER, `completeCommitment(input: { commitmentId: "${commitmentId}" })`, {}],
    ];
    for (const [who, mutation] of attempts) {
      const field = mutation.slice(0, mutation.indexOf('('));
      const res = await as(who, `mutation { ${mutation} { version } }`);
      expect({ field, code: res.errors?.[0]?.extensions?.code }).toEqual({ field, code: 'FORBIDDEN' });
    }
    expect(await head()).toBe(before);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await head();
    const draft = `mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { version } }`;
    const good = { country: 'NL', title: 'A plan', periodStart: '2020-01-01', periodEnd: '2021-01-01' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, country: 'XX' }, 'country'],
      [{ ...good, title: '' }, 'title'],
      [{ ...good, commandId: 'not-a-uuid' }, 'commandId'],
    ];
    for (const [input, field] of cases) {
      const res = await as(ADMIN, draft, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors?.[0]?.extensions?.['fields'])).toContain(field);
    }
    for (const input of [
      { ...good, periodStart: '2020-02-30' },
      { ...good, reportingCycle: 'WEEKLY' },
    ]) {
      expect((await as(ADMIN, draft, { input })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const target = await as(FOCAL, `mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { version } }`, {
      input: {
        planId,
        thematicAreaCode: 'PREV',
        ownerId: stakeholderId,
        title: 'Bad target',
        description: 'x',
        target: { indicator: '', unit: 'u', baseline: 0, targetValue: 1 },
      },
    });
    expect(target.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(target.errors?.[0]?.extensions?.['fields'])).toContain('target.indicator');
    const rule = await as(ADMIN, draft, { input: { ...good, periodStart: '2021-01-01', periodEnd: '2020-01-01' } });
    expect(rule.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    expect(await head()).toBe(before);
  });

  it('answers a stale expectedVersion with CONFLICT and a repeated commandId with the first result', async () => {
    const stale = await as(FOCAL, `mutation ($input: ReviseCommitmentInput!) { reviseCommitment(input: $input) { version } }`, {
      input: { commitmentId, expectedVersion: 0, reason: 'late edit', title: 'Train every prosecutor and judge' },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const input = { commandId: randomUUID(), name: 'Paniamor', kind: 'NGO', sector: 'child protection', country: 'CR' };
    const register = `mutation ($input: RegisterStakeholderInput!) { registerStakeholder(input: $input) { version position stakeholder { id } } }`;
    const first = await ok<{ registerStakeholder: unknown }>(ADMIN, register, { input });
    const before = await head();
    const again = await ok<{ registerStakeholder: unknown }>(ADMIN, register, { input });
    expect(again).toEqual(first);
    expect(await head()).toBe(before);
    const named = await ok<{ stakeholders: { totalCount: number } }>(ADMIN, '{ stakeholders(country: "CR") { totalCount } }');
    expect(named.stakeholders.totalCount).toBe(1);
  });

  it('pages through commitments with cursors', async () => {
    for (let n = 0; n < 3; n++) {
      await ok(FOCAL, `mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { version } }`, {
        input: {
          planId,
          thematicAreaCode: 'PREV',
          ownerId: stakeholderId,
          title: `Campaign ${n}`,
          description: 'Awareness campaign',
          target: { indicator: 'people reached', unit: 'people', baseline: 0, targetValue: 1000 },
          dueDate: '2012-12-31',
        },
      });
    }
    const page = `query ($id: ID!, $after: String) { plan(id: $id) { commitments(first: 2, after: $after) { totalCount edges { cursor node { title } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await ok<{
      plan: {
        commitments: { totalCount: number; edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    }>(OUTSIDER, page, { id: planId });
    expect(first.plan.commitments.totalCount).toBe(4);
    expect(first.plan.commitments.pageInfo.hasNextPage).toBe(true);
    const second = await ok<typeof first>(OUTSIDER, page, { id: planId, after: first.plan.commitments.pageInfo.endCursor });
    expect([...first.plan.commitments.edges, ...second.plan.commitments.edges].map((e) => e.node.title)).toEqual([
      'Train every prosecutor',
      'Campaign 0',
      'Campaign 1',
      'Campaign 2',
    ]);
    expect(second.plan.commitments.pageInfo.hasNextPage).toBe(false);
    const bad = await as(OUTSIDER, page, { id: planId, after: 'bm9wZQ' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
