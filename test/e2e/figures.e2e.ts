import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type InProcessApi, startInProcessApi } from '../support/in-process-api.js';
import { actingAs } from '../support/acting-as.js';

/**
 * The figures a coalition quotes, lived through the api from 2009 on with the clock set to each day: one test per
 * defect an outside trial found (libs/domain/README.md states each rule).
 */
const ADMIN = 'admin@secretariat.example';
const COORDINATOR = 'coordinator@secretariat.example';
const FOCAL = 'focal@justice.example';
const CO_FOCAL = 'focal@tourism.example';
const MONITOR = 'monitor@ecpat.example';
const CONFLICTED = 'monitor-and-focal@justice.example';
const ANONYMOUS = '';

describe('figures a coalition can stand behind', () => {
  let api: InProcessApi;
  const tokens: Record<string, string> = {};
  let planId = '';
  let ownerId = '';
  let coOwnerId = '';
  let early = ''; // activated in February 2009
  let june2011 = ''; // made and activated in June 2011
  let silent = ''; // activated in 2009, never reports

  const { as, ok } = actingAs(() => api, tokens);
  const on = (day: string) => api.clock.set(`${day}T10:00:00.000Z`);
  const mutate = <T>(who: string, name: string, input: Record<string, unknown>, select = 'version position') => {
    const type =
      { adoptPlan: 'PlanLifecycleInput', activateCommitment: 'CommitmentLifecycleInput' }[name] ??
      `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    return as<Record<string, T>>(who, `mutation ($input: ${type}!) { ${name}(input: $input) { ${select} } }`, { input });
  };
  const done = async <T = { version: number; position: string }>(
    who: string,
    name: string,
    input: Record<string, unknown>,
    select?: string,
  ): Promise<T> => {
    const res = await mutate<T>(who, name, input, select);
    expect(res.errors).toBeUndefined();
    return res.data![name]!;
  };
  const head = async () =>
    (await ok<{ serverInfo: { headPosition: string } }>(ADMIN, '{ serverInfo { headPosition } }')).serverInfo.headPosition;
  const commit = async (title: string, dueDate: string, coOwnerIds: string[] = []) =>
    (
      await done<{ commitment: { id: string } }>(
        FOCAL,
        'makeCommitment',
        {
          planId,
          thematicAreaCode: 'PROT',
          ownerId,
          coOwnerIds,
          title,
          description: title,
          target: { indicator: 'steps', unit: 'steps', baseline: 0, targetValue: 10 },
          dueDate,
        },
        'commitment { id }',
      )
    ).commitment.id;
  const report = (commitmentId: string, period: string, percentComplete: number, extra: Record<string, unknown> = {}) => ({
    commitmentId,
    period,
    percentComplete,
    narrative: `${period}: ${percentComplete}%`,
    visibility: 'PUBLIC',
    evidenceType: 'SELF_REPORTED',
    ...extra,
  });

  beforeAll(async () => {
    api = await startInProcessApi({ start: new Date('2009-01-05T09:00:00.000Z'), bootstrapAdmin: ADMIN });
    for (const who of [ADMIN, COORDINATOR, FOCAL, CO_FOCAL, MONITOR, CONFLICTED]) tokens[who] = await api.token(who);
    planId = (
      await done<{ plan: { id: string } }>(
        ADMIN,
        'draftPlan',
        {
          country: 'NL',
          title: 'Netherlands NPA 2009-2013',
          periodStart: '2009-01-01',
          periodEnd: '2013-12-31',
          defaultDeadline: '2013-12-31',
        },
        'plan { id }',
      )
    ).plan.id;
    ownerId = (
      await done<{ stakeholder: { id: string } }>(
        ADMIN,
        'registerStakeholder',
        { name: 'Ministry of Justice', kind: 'GOVERNMENT', sector: 'justice', country: 'NL' },
        'stakeholder { id }',
      )
    ).stakeholder.id;
    coOwnerId = (
      await done<{ stakeholder: { id: string } }>(
        ADMIN,
        'registerStakeholder',
        { name: 'Tourism board', kind: 'GOVERNMENT', sector: 'tourism', country: 'NL' },
        'stakeholder { id }',
      )
    ).stakeholder.id;
    for (const [subject, name] of [
      [COORDINATOR, 'Secretariat'],
      [FOCAL, 'Justice focal point'],
      [CO_FOCAL, 'Tourism focal point'],
      [MONITOR, 'ECPAT monitor'],
      [CONFLICTED, 'Justice monitor'],
    ] as const) {
      await done(ADMIN, 'registerParticipant', { subject, displayName: name, kind: 'ADULT' }, 'version');
    }
    for (const [subject, role, scope] of [
      [COORDINATOR, 'COORDINATOR', planId],
      [FOCAL, 'FOCAL_POINT', ownerId],
      [CO_FOCAL, 'FOCAL_POINT', coOwnerId],
      [MONITOR, 'MONITOR', planId],
      [CONFLICTED, 'MONITOR', planId],
      [CONFLICTED, 'FOCAL_POINT', ownerId],
    ] as const) {
      await done(ADMIN, 'grantRole', { subject, role, scope }, 'version');
    }
    await done(COORDINATOR, 'defineThematicArea', { planId, code: 'PROT', title: 'Protection' });
    for (const stakeholderId of [ownerId, coOwnerId]) await done(COORDINATOR, 'admitStakeholder', { planId, stakeholderId });
    on('2009-02-01');
    await done(COORDINATOR, 'adoptPlan', { planId });
    early = await commit('Train prosecutors', '2010-12-31', [coOwnerId]);
    silent = await commit('Map referral mechanisms', '2011-12-31');
    for (const commitmentId of [early, silent]) await done(COORDINATOR, 'activateCommitment', { commitmentId });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('reads a draft plan only as an admin or its coordinator', async () => {
    const draft = (
      await done<{ plan: { id: string } }>(
        ADMIN,
        'draftPlan',
        { country: 'BE', title: 'Belgian draft', periodStart: '2009-01-01', periodEnd: '2012-12-31' },
        'plan { id }',
      )
    ).plan.id;
    const plan = async (who: string) =>
      (await ok<{ plan: { id: string } | null }>(who, 'query ($id: ID!) { plan(id: $id) { id } }', { id: draft })).plan?.id ?? null;
    expect(await plan(ADMIN)).toBe(draft);
    expect(await plan(ANONYMOUS)).toBeNull();
    expect(await plan(FOCAL)).toBeNull();
    expect(await plan(COORDINATOR)).toBeNull(); // a coordinator of another plan
    await done(ADMIN, 'grantRole', { subject: COORDINATOR, role: 'COORDINATOR', scope: draft }, 'version');
    expect(await plan(COORDINATOR)).toBe(draft);
    const listed = async (who: string) =>
      (await ok<{ plans: { edges: { node: { id: string } }[] } }>(who, '{ plans(first: 100) { edges { node { id } } } }')).plans.edges.map(
        (e) => e.node.id,
      );
    expect(await listed(ANONYMOUS)).toEqual([planId]);
    expect(await listed(COORDINATOR)).toEqual([planId, draft]);
  });

  it('serves the plan stream’s revision as its version after a period is closed, so expectedVersion from a read works', async () => {
    on('2010-01-20');
    const closed = await done<{ version: number; plan: { version: number } }>(
      COORDINATOR,
      'closeReportingPeriod',
      { planId, period: '2009' },
      'version plan { version }',
    );
    expect(closed.plan.version).toBe(closed.version);
    const read = (await ok<{ plan: { version: number } }>(ANONYMOUS, 'query ($id: ID!) { plan(id: $id) { version } }', { id: planId })).plan
      .version;
    expect(read).toBe(closed.version);
    await done(COORDINATOR, 'defineThematicArea', { planId, code: 'PREV', title: 'Prevention', expectedVersion: read });
  });

  it('owes a report only for the periods a commitment was active in: one made in June 2011 does not owe 2009 or 2010', async () => {
    on('2011-01-15');
    await done(FOCAL, 'reportProgress', report(early, '2010', 40));
    await done(COORDINATOR, 'closeReportingPeriod', { planId, period: '2010' });
    on('2011-06-15');
    june2011 = await commit('Inspect hotels', '2012-06-30');
    await done(COORDINATOR, 'activateCommitment', { commitmentId: june2011 });
    on('2012-01-20');
    await done(FOCAL, 'reportProgress', report(june2011, '2011', 50));
    await done(COORDINATOR, 'closeReportingPeriod', { planId, period: '2011' });
    const card = (
      await ok<{
        stakeholder: {
          scorecard: {
            compliance: { period: string; owed: number; onTime: number; late: number; missing: { commitment: { title: string } }[] }[];
            complianceRate: number;
          };
        };
      }>(
        ANONYMOUS,
        'query ($id: ID!, $plan: ID!) { stakeholder(id: $id) { scorecard(planId: $plan) { complianceRate compliance { period owed onTime late missing { commitment { title } } } } } }',
        { id: ownerId, plan: planId },
      )
    ).stakeholder.scorecard;
    expect(card.compliance).toEqual([
      {
        period: '2009',
        owed: 2,
        onTime: 0,
        late: 0,
        missing: [{ commitment: { title: 'Train prosecutors' } }, { commitment: { title: 'Map referral mechanisms' } }],
      },
      { period: '2010', owed: 2, onTime: 1, late: 0, missing: [{ commitment: { title: 'Map referral mechanisms' } }] },
      // Train prosecutors was due at the end of 2010 but is still active: it owes 2011 too.
      {
        period: '2011',
        owed: 3,
        onTime: 1,
        late: 0,
        missing: [{ commitment: { title: 'Train prosecutors' } }, { commitment: { title: 'Map referral mechanisms' } }],
      },
    ]);
    expect(card.complianceRate).toBeCloseTo(2 / 7);
  });

  it('keeps the on-time standing of a report through an honest correction made after the period closed', async () => {
    const reports = (
      await ok<{ commitment: { progressReports: { id: string; period: string; supersededBy: string | null }[] } }>(
        ANONYMOUS,
        'query ($id: ID!) { commitment(id: $id) { progressReports { id period supersededBy } } }',
        { id: early },
      )
    ).commitment.progressReports;
    const standing = reports.find((r) => r.period === '2010' && r.supersededBy === null)!;
    on('2012-02-01');
    const correction = await done<{ itemId: string }>(
      FOCAL,
      'reportProgress',
      report(early, '2010', 35, { corrects: standing.id }),
      'itemId',
    );
    const after = (
      await ok<{ commitment: { progressReports: { id: string; late: boolean }[] } }>(
        ANONYMOUS,
        'query ($id: ID!) { commitment(id: $id) { progressReports { id late } } }',
        { id: early },
      )
    ).commitment.progressReports;
    expect(after.find((r) => r.id === correction.itemId)?.late).toBe(false);
    // A first report after the period closed is late.
    const late = await done<{ itemId: string }>(FOCAL, 'reportProgress', report(silent, '2011', 5), 'itemId');
    const silentReports = (
      await ok<{ commitment: { progressReports: { id: string; late: boolean }[] } }>(
        ANONYMOUS,
        'query ($id: ID!) { commitment(id: $id) { progressReports { id late } } }',
        { id: silent },
      )
    ).commitment.progressReports;
    expect(silentReports).toEqual([{ id: late.itemId, late: true }]);
  });

  it('counts a silent owner at risk, and lists every at-risk commitment with what was expected and reported', async () => {
    on('2012-03-01');
    const quiet = await commit('Open a hotline', '2013-12-31');
    await done(COORDINATOR, 'activateCommitment', { commitmentId: quiet });
    on('2012-09-01');
    const figures = (
      await ok<{
        plan: {
          summary: {
            byThematicAreaTracking: {
              figures: {
                atRisk: number;
                atRiskCommitments: { commitment: { title: string }; expectedPercent: number; reportedPercent: number | null }[];
              };
            }[];
          };
        };
      }>(
        ANONYMOUS,
        'query ($id: ID!) { plan(id: $id) { summary { byThematicAreaTracking { figures { atRisk atRiskCommitments { commitment { title } expectedPercent reportedPercent } } } } } }',
        { id: planId },
      )
    ).plan.summary.byThematicAreaTracking[0]!.figures;
    const byTitle = Object.fromEntries(
      figures.atRiskCommitments.map((c) => [c.commitment.title, [Math.round(c.expectedPercent), c.reportedPercent]]),
    );
    // Activated 2012-03-01, due 2013-12-31: 184 of 670 days gone, 27% expected, nothing reported.
    expect(byTitle['Open a hotline']).toEqual([27, null]);
    expect(byTitle['Train prosecutors']).toEqual([100, 35]);
    expect(byTitle['Inspect hotels']).toEqual([100, 50]);
    expect(byTitle['Map referral mechanisms']).toEqual([100, 5]);
    expect(figures.atRisk).toBe(figures.atRiskCommitments.length);
  });

  it('refuses a monitor who is a focal point of the owner with FORBIDDEN, and names the violated rule otherwise', async () => {
    const reportId = (
      await ok<{ commitment: { progressReports: { id: string; supersededBy: string | null }[] } }>(
        ANONYMOUS,
        'query ($id: ID!) { commitment(id: $id) { progressReports { id supersededBy } } }',
        { id: june2011 },
      )
    ).commitment.progressReports[0]!.id;
    const before = await head();
    const conflicted = await mutate(CONFLICTED, 'verifyProgressReport', { commitmentId: june2011, reportId });
    expect(conflicted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await head()).toBe(before);
    const twice = await mutate(FOCAL, 'reportProgress', report(june2011, '2011', 60));
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'progress.already_reported' });
  });

  it('lets a co-owner’s focal points add and complete tasks and report, never revise; an assignee must exist', async () => {
    const task = await done<{ itemId: string }>(
      CO_FOCAL,
      'addTask',
      { commitmentId: early, title: 'Brief tour operators', dueDate: '2012-12-31' },
      'itemId',
    );
    const missing = await mutate(FOCAL, 'assignTask', {
      commitmentId: early,
      taskId: task.itemId,
      assigneeKind: 'STAKEHOLDER',
      assigneeId: '7d4a1c1e-0000-4000-8000-000000000000',
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await done(FOCAL, 'assignTask', { commitmentId: early, taskId: task.itemId, assigneeKind: 'STAKEHOLDER', assigneeId: coOwnerId });
    expect(
      (await mutate(CO_FOCAL, 'assignTask', { commitmentId: early, taskId: task.itemId, assigneeKind: 'STAKEHOLDER', assigneeId: ownerId }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    await done(CO_FOCAL, 'completeTask', { commitmentId: early, taskId: task.itemId });
    await done(CO_FOCAL, 'reportProgress', report(early, '2011', 60));
    expect(
      (await mutate(CO_FOCAL, 'reviseCommitment', { commitmentId: early, reason: 'Broaden it', title: 'Train prosecutors and judges' }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await mutate(CO_FOCAL, 'scheduleMilestone', { commitmentId: early, title: 'Curriculum ready', dueDate: '2012-12-31' })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('answers deadlines(asAt) and everything under plan.asOf from what was recorded by the end of that day', async () => {
    on('2012-10-01');
    const milestone = await done<{ itemId: string }>(
      FOCAL,
      'scheduleMilestone',
      { commitmentId: silent, title: 'Referral map published', dueDate: '2012-10-20' },
      'itemId',
    );
    on('2012-10-25');
    await done(FOCAL, 'completeMilestone', { commitmentId: silent, milestoneId: milestone.itemId, completedOn: '2012-10-15' });
    const status = async (asAt: string) =>
      (
        await ok<{ deadlines: { id: string; status: string }[] }>(
          ANONYMOUS,
          'query ($plan: ID!, $asAt: LocalDate) { deadlines(planId: $plan, asAt: $asAt) { id status } }',
          { plan: planId, asAt },
        )
      ).deadlines.find((d) => d.id === milestone.itemId)?.status;
    expect(await status('2012-09-30')).toBeUndefined(); // not scheduled yet
    expect(await status('2012-10-15')).toBe('DUE_SOON'); // completed ten days later, not as of this day
    expect(await status('2012-10-22')).toBe('OVERDUE');
    expect(await status('2012-10-25')).toBe('DONE');

    const asOf = (
      await ok<{
        plan: {
          asOf: {
            version: number;
            stakeholders: { name: string; scorecard: { compliance: { period: string }[]; milestonesDue: number } }[];
            summary: { total: number };
          };
        };
      }>(
        ANONYMOUS,
        'query ($id: ID!) { plan(id: $id) { asOf(date: "2011-02-01") { version stakeholders { name scorecard(planId: $id) { milestonesDue compliance { period } } } summary { total } } } }',
        { id: planId },
      )
    ).plan.asOf;
    // On 2011-02-01 periods 2009 and 2010 were closed and two commitments made; the 2011 closing came later.
    expect(asOf.summary.total).toBe(2);
    expect(asOf.stakeholders.find((s) => s.name === 'Ministry of Justice')?.scorecard.compliance.map((p) => p.period)).toEqual([
      '2009',
      '2010',
    ]);
  });

  it('prices plan.asOf in the query-cost limit and answers concurrent readers of different days without error', async () => {
    const aliases = Array.from({ length: 40 }, (_, n) => `a${n}: asOf(date: "2011-0${(n % 9) + 1}-01") { summary { total } }`).join(' ');
    const tooMany = await as(ANONYMOUS, `query ($id: ID!) { plan(id: $id) { ${aliases} } }`, { id: planId });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const days = ['2009-03-01', '2010-02-01', '2010-07-01', '2011-02-01', '2011-07-01', '2012-02-01', '2012-07-01', '2012-12-01'];
    const answers = await Promise.all(
      days.map((date) =>
        as<{ plan: { asOf: { summary: { total: number } } } }>(
          ANONYMOUS,
          'query ($id: ID!, $date: LocalDate!) { plan(id: $id) { asOf(date: $date) { summary { total } } } }',
          { id: planId, date },
        ),
      ),
    );
    expect(answers.map((a) => a.errors)).toEqual(days.map(() => undefined));
    expect(answers.map((a) => a.data!.plan.asOf.summary.total)).toEqual([2, 2, 2, 2, 3, 3, 4, 4]);
  });

  it('accepts nothing under a closed plan, and writes nothing when it refuses', async () => {
    on('2014-01-15');
    await done(COORDINATOR, 'closePlan', { planId, reason: 'Period over' });
    const before = await head();
    const tries: [string, string, Record<string, unknown>][] = [
      [FOCAL, 'reportProgress', report(june2011, '2013', 90)],
      [FOCAL, 'scheduleMilestone', { commitmentId: june2011, title: 'Late milestone', dueDate: '2013-06-30' }],
      [FOCAL, 'completeCommitment', { commitmentId: june2011 }],
      [CO_FOCAL, 'addTask', { commitmentId: early, title: 'After closing', dueDate: '2013-12-31' }],
      [COORDINATOR, 'activateCommitment', { commitmentId: june2011 }],
      [
        FOCAL,
        'makeCommitment',
        {
          planId,
          thematicAreaCode: 'PROT',
          ownerId,
          title: 'After the end',
          description: 'Too late',
          target: { indicator: 'steps', unit: 'steps', baseline: 0, targetValue: 1 },
        },
      ],
    ];
    for (const [who, name, input] of tries) {
      const res = await mutate(who, name, input);
      expect([name, res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.['rule']]).toEqual([
        name,
        'RULE_VIOLATION',
        'plan.closed',
      ]);
    }
    const milestoneId = (
      await ok<{ commitment: { milestones: { id: string }[] } }>(
        ANONYMOUS,
        'query ($id: ID!) { commitment(id: $id) { milestones { id } } }',
        { id: silent },
      )
    ).commitment.milestones[0]!.id;
    const comment = await as(FOCAL, 'mutation ($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }', {
      input: { milestoneId, text: 'Too late now.' },
    });
    expect(comment.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'plan.closed' });
    expect(await head()).toBe(before);
  });
});
