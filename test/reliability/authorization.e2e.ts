import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type GraphQLResponse, type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { mutationFields } from '../support/schema.js';
import { tokenFor } from '../support/tokens.js';

/** Who asks: every role of DOMAIN.md, scoped to this plan or to another one. */
const ROLES = [
  'anonymous',
  'admin',
  'coordinator',
  'otherCoordinator',
  'focalPoint',
  'coOwnerFocalPoint',
  'otherFocalPoint',
  'monitor',
  'youth',
] as const;
type Role = (typeof ROLES)[number];

const SUBJECTS: Record<Exclude<Role, 'anonymous'>, string> = {
  admin: 'admin@secretariat.example',
  coordinator: 'coordinator@plan-a.example',
  otherCoordinator: 'coordinator@plan-b.example',
  focalPoint: 'focal@owner.example',
  coOwnerFocalPoint: 'focal@co-owner.example',
  otherFocalPoint: 'focal@other.example',
  monitor: 'monitor@plan-a.example',
  youth: 'youth@panel.example',
};

interface Fixtures {
  planA: string;
  planB: string;
  owner: string;
  coOwner: string;
  other: string;
  commitment: string;
  milestone: string;
  task: string;
  report: string;
  comment: string;
  youthParticipant: string;
}

/**
 * `allowed`: who passes authorisation. A row's `notThere` is what a comment's state answers for what is no longer there
 * for the caller (`NOT_FOUND`: a comment held for review, or hidden): for an allowed role it is a refusal by the
 * state of things, for the others a refusal like FORBIDDEN, and it writes nothing either way.
 */
type Row = {
  readonly allowed: readonly Role[];
  readonly input: (f: Fixtures) => Record<string, unknown>;
  readonly notThere?: 'NOT_FOUND';
  /** The order in which the roles try, when one role's success changes what the others can do (every role, once). */
  readonly order?: readonly Role[];
};

const ANY_PARTICIPANT: readonly Role[] = [
  'admin',
  'coordinator',
  'otherCoordinator',
  'focalPoint',
  'coOwnerFocalPoint',
  'otherFocalPoint',
  'monitor',
  'youth',
];
const COORDINATION: readonly Role[] = ['admin', 'coordinator'];
const OWNER: readonly Role[] = ['admin', 'focalPoint'];
/** What a co-owner's focal points may do too (DOMAIN.md): add and complete tasks, report progress. */
const CO_OWNERS: readonly Role[] = [...OWNER, 'coOwnerFocalPoint'];

/**
 * Every mutation × every role, DOMAIN.md's "Roles and permissions". A mutation missing from this table fails the
 * test, so none can ship unguarded. Ordered so that state changes (closing the plan) come last.
 */
const MATRIX: Record<string, Row> = {
  registerParticipant: {
    allowed: ['admin'],
    input: () => ({ subject: `new-${Math.random()}@example.org`, displayName: 'New', kind: 'ADULT' }),
  },
  grantRole: { allowed: ['admin'], input: (f) => ({ subject: SUBJECTS.otherFocalPoint, role: 'MONITOR', scope: f.planB }) },
  revokeRole: {
    allowed: ['admin'],
    input: (f) => ({ subject: SUBJECTS.otherFocalPoint, role: 'MONITOR', scope: f.planB, reason: 'review' }),
  },
  draftPlan: {
    allowed: ['admin'],
    input: () => ({ country: 'GH', title: 'Ghana NPA', periodStart: '2025-01-01', periodEnd: '2029-12-31', defaultDeadline: '2029-12-31' }),
  },
  defineThematicArea: {
    allowed: COORDINATION,
    input: (f) => ({ planId: f.planA, code: `A${Math.floor(Math.random() * 1e6)}`, title: 'Area' }),
  },
  adoptPlan: { allowed: COORDINATION, input: (f) => ({ planId: f.planA }) },
  registerStakeholder: {
    allowed: ['admin', 'coordinator', 'otherCoordinator'],
    input: () => ({ name: 'Hotel group', kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'GH' }),
  },
  admitStakeholder: { allowed: COORDINATION, input: (f) => ({ planId: f.planA, stakeholderId: f.other }) },
  makeCommitment: {
    allowed: OWNER,
    input: (f) => ({
      planId: f.planA,
      thematicAreaCode: 'PREV',
      ownerId: f.owner,
      title: 'Safe houses',
      description: 'Open safe houses',
      target: { indicator: 'safe houses', unit: 'houses', baseline: 0, targetValue: 3 },
    }),
  },
  activateCommitment: { allowed: COORDINATION, input: (f) => ({ commitmentId: f.commitment }) },
  reviseCommitment: { allowed: OWNER, input: (f) => ({ commitmentId: f.commitment, reason: 'clarify', description: 'Clarified' }) },
  scheduleMilestone: { allowed: OWNER, input: (f) => ({ commitmentId: f.commitment, title: 'Another milestone', dueDate: '2027-01-31' }) },
  rescheduleMilestone: {
    allowed: OWNER,
    input: (f) => ({ commitmentId: f.commitment, milestoneId: f.milestone, dueDate: '2027-03-31', reason: 'delay' }),
  },
  completeMilestone: {
    allowed: OWNER,
    input: (f) => ({ commitmentId: f.commitment, milestoneId: f.milestone, completedOn: '2026-01-15' }),
  },
  reopenMilestone: { allowed: OWNER, input: (f) => ({ commitmentId: f.commitment, milestoneId: f.milestone, reason: 'not finished' }) },
  addTask: { allowed: CO_OWNERS, input: (f) => ({ commitmentId: f.commitment, title: 'Another task', dueDate: '2026-12-31' }) },
  assignTask: {
    allowed: OWNER,
    input: (f) => ({ commitmentId: f.commitment, taskId: f.task, assigneeKind: 'STAKEHOLDER', assigneeId: f.owner }),
  },
  completeTask: { allowed: CO_OWNERS, input: (f) => ({ commitmentId: f.commitment, taskId: f.task, completedOn: '2026-01-10' }) },
  reopenTask: { allowed: OWNER, input: (f) => ({ commitmentId: f.commitment, taskId: f.task, reason: 'redo' }) },
  reportProgress: {
    allowed: CO_OWNERS,
    input: (f) => ({
      commitmentId: f.commitment,
      period: '2026',
      percentComplete: 20,
      narrative: 'On track',
      visibility: 'PUBLIC',
      evidenceType: 'SELF_REPORTED',
    }),
  },
  verifyProgressReport: { allowed: ['admin', 'monitor'], input: (f) => ({ commitmentId: f.commitment, reportId: f.report, note: 'Seen' }) },
  disputeProgressReport: {
    allowed: ['admin', 'monitor'],
    input: (f) => ({ commitmentId: f.commitment, reportId: f.report, reason: 'Not seen' }),
  },
  closeReportingPeriod: { allowed: COORDINATION, input: (f) => ({ planId: f.planA, period: '2025' }) },
  // Their own notifications only (another's is NOT_FOUND: reminders.e2e.ts); without ids, all their unread ones.
  markNotificationsRead: { allowed: ANY_PARTICIPANT, input: () => ({}) },
  postComment: { allowed: ANY_PARTICIPANT, input: (f) => ({ milestoneId: f.milestone, text: 'A thought on this milestone.' }) },
  // Participants of the plan (a role on it or on a stakeholder it admitted) flag its comments.
  flagComment: {
    allowed: ANY_PARTICIPANT.filter((role) => role !== 'otherCoordinator'),
    input: (f) => ({ milestoneId: f.milestone, commentId: f.comment, reason: 'off topic' }),
    notThere: 'NOT_FOUND', // held for review by the third flag
  },
  approveComment: { allowed: COORDINATION, input: (f) => ({ milestoneId: f.milestone, commentId: f.comment }) },
  hideComment: { allowed: COORDINATION, input: (f) => ({ milestoneId: f.milestone, commentId: f.comment, reason: 'off topic' }) },
  withdrawCommitment: { allowed: OWNER, input: (f) => ({ commitmentId: f.commitment, reason: 'superseded' }) },
  completeCommitment: { allowed: OWNER, input: (f) => ({ commitmentId: f.commitment, completedOn: '2026-02-01' }) },
  // Its author alone (the youth participant posted it).
  withdrawComment: { allowed: ['youth'], input: (f) => ({ milestoneId: f.milestone, commentId: f.comment }), notThere: 'NOT_FOUND' }, // hidden above
  // The youth participant erases their own data before anyone else tries: erasure forgets who they are, so afterwards
  // their token names no one (an administrator's second try is refused by the state of things, already erased).
  erasePersonalData: {
    allowed: ['admin', 'youth'],
    input: (f) => ({ participantId: f.youthParticipant }),
    order: [
      'anonymous',
      'youth',
      'coordinator',
      'otherCoordinator',
      'focalPoint',
      'coOwnerFocalPoint',
      'otherFocalPoint',
      'monitor',
      'admin',
    ],
  },
  closePlan: { allowed: COORDINATION, input: (f) => ({ planId: f.planA, reason: 'period over' }) },
};

/** The mutations the schema defines, from the SDL itself. */
const schemaMutations = (): string[] =>
  mutationFields()
    .map((field) => field.name.value)
    .sort();

const inputType = (mutation: string) => {
  const special: Record<string, string> = {
    adoptPlan: 'PlanLifecycleInput',
    activateCommitment: 'CommitmentLifecycleInput',
  };
  return special[mutation] ?? `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
};

describe('authorization: every mutation for every role', () => {
  let dataDir: string;
  let api: RunningApi;
  const token: Partial<Record<Role, string>> = {};
  const f = {} as Fixtures;

  async function as<T>(role: Role, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    return api.graphql<T>(query, variables, token[role]);
  }
  async function ok<T>(role: Role, query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await as<T>(role, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }
  const run = <T>(role: Role, mutation: string, input: Record<string, unknown>, select = 'position') =>
    as<T>(role, `mutation ($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${select} } }`, { input });

  beforeAll(async () => {
    dataDir = tempDataDir('npa-authz-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: SUBJECTS.admin, COMMENTS_PER_MINUTE: '100' } });
    for (const role of ROLES) if (role !== 'anonymous') token[role] = await tokenFor(dataDir, SUBJECTS[role]);
    const plan = async (country: string) =>
      (
        await ok<{ draftPlan: { plan: { id: string } } }>(
          'admin',
          'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { plan { id } } }',
          {
            input: { country, title: `${country} NPA`, periodStart: '2025-01-01', periodEnd: '2029-12-31', defaultDeadline: '2029-12-31' },
          },
        )
      ).draftPlan.plan.id;
    f.planA = await plan('NG');
    f.planB = await plan('SN');
    for (const planId of [f.planA, f.planB])
      await ok('admin', 'mutation ($input: DefineThematicAreaInput!) { defineThematicArea(input: $input) { position } }', {
        input: { planId, code: 'PREV', title: 'Prevention' },
      });
    // Adopted, so that anyone may read it (a draft is read by admins and its coordinators only).
    await ok('admin', 'mutation ($input: PlanLifecycleInput!) { adoptPlan(input: $input) { position } }', { input: { planId: f.planA } });
    const stakeholder = async (name: string, kind: string) =>
      (
        await ok<{ registerStakeholder: { stakeholder: { id: string } } }>(
          'admin',
          'mutation ($input: RegisterStakeholderInput!) { registerStakeholder(input: $input) { stakeholder { id } } }',
          {
            input: { name, kind, sector: 'child protection', country: 'NG' },
          },
        )
      ).registerStakeholder.stakeholder.id;
    f.owner = await stakeholder('Ministry of Women Affairs', 'GOVERNMENT');
    f.coOwner = await stakeholder('Ministry of Tourism', 'GOVERNMENT');
    f.other = await stakeholder('Child rights NGO', 'NGO');
    const panel = await stakeholder('Youth panel', 'YOUTH_PANEL');
    for (const stakeholderId of [f.owner, f.coOwner, f.other, panel])
      await ok('admin', 'mutation ($input: AdmitStakeholderInput!) { admitStakeholder(input: $input) { position } }', {
        input: { planId: f.planA, stakeholderId },
      });
    await ok('admin', 'mutation ($input: AdmitStakeholderInput!) { admitStakeholder(input: $input) { position } }', {
      input: { planId: f.planB, stakeholderId: f.other },
    });
    const register = (role: Exclude<Role, 'anonymous' | 'admin'>, kind = 'ADULT', extra: Record<string, unknown> = {}) =>
      ok<{ registerParticipant: { participant: { id: string } } }>(
        'admin',
        'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { participant { id } } }',
        {
          input: { subject: SUBJECTS[role], displayName: role, kind, ...extra },
        },
      );
    const grant = (role: Exclude<Role, 'anonymous' | 'admin'>, granted: string, scope: string) =>
      ok('admin', 'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { position } }', {
        input: { subject: SUBJECTS[role], role: granted, scope },
      });
    for (const role of ['coordinator', 'otherCoordinator', 'focalPoint', 'coOwnerFocalPoint', 'otherFocalPoint', 'monitor'] as const)
      await register(role);
    f.youthParticipant = (
      await register('youth', 'YOUTH', { ageBand: 'AGE_18_24', sponsorStakeholderId: panel, realName: 'Ada Okafor' })
    ).registerParticipant.participant.id;
    await grant('coordinator', 'COORDINATOR', f.planA);
    await grant('otherCoordinator', 'COORDINATOR', f.planB);
    await grant('focalPoint', 'FOCAL_POINT', f.owner);
    await grant('coOwnerFocalPoint', 'FOCAL_POINT', f.coOwner);
    await grant('otherFocalPoint', 'FOCAL_POINT', f.other);
    await grant('monitor', 'MONITOR', f.planA);
    await grant('youth', 'YOUTH', panel);
    f.commitment = (
      await ok<{ makeCommitment: { commitment: { id: string } } }>(
        'focalPoint',
        'mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { commitment { id } } }',
        {
          input: {
            planId: f.planA,
            thematicAreaCode: 'PREV',
            ownerId: f.owner,
            coOwnerIds: [f.coOwner],
            title: 'Shelters',
            description: 'Open shelters',
            target: { indicator: 'shelters', unit: 'shelters', baseline: 0, targetValue: 5 },
          },
        },
      )
    ).makeCommitment.commitment.id;
    await ok('coordinator', 'mutation ($input: CommitmentLifecycleInput!) { activateCommitment(input: $input) { position } }', {
      input: { commitmentId: f.commitment },
    });
    const item = async (mutation: string, input: Record<string, unknown>) =>
      (await run<Record<string, { itemId: string }>>('focalPoint', mutation, { commitmentId: f.commitment, ...input }, 'itemId')).data![
        mutation
      ]!.itemId;
    f.milestone = await item('scheduleMilestone', { title: 'First shelter open', dueDate: '2026-06-30' });
    f.task = await item('addTask', { title: 'Find a building', dueDate: '2026-03-31' });
    f.report = await item('reportProgress', {
      period: '2025',
      percentComplete: 10,
      narrative: 'Site chosen',
      visibility: 'PUBLIC',
      evidenceType: 'SELF_REPORTED',
    });
    f.comment = (
      await ok<{ postComment: { comment: { id: string } } }>(
        'youth',
        'mutation ($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }',
        {
          input: { milestoneId: f.milestone, text: 'Please open it near the school.' },
        },
      )
    ).postComment.comment.id;
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('has a row for every mutation in the schema', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(schemaMutations());
  });

  it('shows restricted fields only to their readers: narratives by visibility, personal data', async () => {
    for (const visibility of ['PARTNERS', 'RESTRICTED']) {
      await ok('focalPoint', 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { position } }', {
        input: {
          commitmentId: f.commitment,
          period: visibility === 'PARTNERS' ? '2027' : '2028',
          percentComplete: 30,
          narrative: `${visibility} narrative`,
          visibility,
          evidenceType: 'SELF_REPORTED',
        },
      });
    }
    const narratives = async (role: Role) =>
      (
        await ok<{ commitment: { progressReports: { narrative: string | null }[] } }>(
          role,
          'query ($id: ID!) { commitment(id: $id) { progressReports { narrative } } }',
          { id: f.commitment },
        )
      ).commitment.progressReports
        .map((r) => r.narrative)
        .filter((n): n is string => n !== null && n.endsWith('narrative'));
    const seen = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await narratives(role)] as const)));
    const all = ['PARTNERS narrative', 'RESTRICTED narrative'];
    expect(seen).toEqual({
      anonymous: [],
      admin: all,
      coordinator: all,
      otherCoordinator: [],
      focalPoint: all,
      coOwnerFocalPoint: ['PARTNERS narrative'],
      otherFocalPoint: ['PARTNERS narrative'],
      monitor: all,
      youth: ['PARTNERS narrative'],
    });
    const personalData = async (role: Role) =>
      (
        await as<{ participant: { personalData: unknown } | null }>(
          role,
          'query ($id: ID!) { participant(id: $id) { personalData { erased } } }',
          { id: f.youthParticipant },
        )
      ).data?.participant?.personalData ?? null;
    const readers = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await personalData(role)) !== null] as const)));
    expect(readers).toEqual({
      anonymous: false,
      admin: true,
      coordinator: false,
      otherCoordinator: false,
      focalPoint: false,
      coOwnerFocalPoint: false,
      otherFocalPoint: false,
      monitor: false,
      youth: true,
    });
  });

  it.each(Object.entries(MATRIX))('%s: allowed exactly for its roles, and a refusal writes nothing', async (mutation, row) => {
    const outcome: Record<string, string> = {};
    expect([...(row.order ?? ROLES)].sort()).toEqual([...ROLES].sort());
    for (const role of row.order ?? ROLES) {
      const before = (await ok<{ serverInfo: { headPosition: string } }>('admin', '{ serverInfo { headPosition } }', {})).serverInfo
        .headPosition;
      const res = await run(role, mutation, row.input(f));
      const code = res.errors?.[0]?.extensions?.code ?? 'OK';
      outcome[role] = code;
      if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === row.notThere) {
        const after = (await ok<{ serverInfo: { headPosition: string } }>('admin', '{ serverInfo { headPosition } }', {})).serverInfo
          .headPosition;
        expect([mutation, role, after]).toEqual([mutation, role, before]);
      }
    }
    const expected = Object.fromEntries(
      ROLES.map((role) => [role, role === 'anonymous' ? 'UNAUTHENTICATED' : row.allowed.includes(role) ? 'allowed' : 'FORBIDDEN']),
    );
    const seen = Object.fromEntries(
      Object.entries(outcome).map(([role, code]) => {
        if (code === row.notThere) return [role, row.allowed.includes(role as Role) ? 'allowed' : 'FORBIDDEN'];
        return [role, ['OK', 'RULE_VIOLATION', 'CONFLICT'].includes(code) ? 'allowed' : code];
      }),
    );
    expect(seen).toEqual(expected);
  });
});
