import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { tokenFor } from '../support/tokens.js';
import { actingAs } from '../support/acting-as.js';
import { COSTA_RICA_TOURISM, planWithCommitments } from '../support/plan-fixture.js';

const ADMIN = 'admin@secretariat.example';
const COORDINATOR = 'coordinator@secretariat.example';
const FOCAL = 'focal@canatur.example';
const MONITOR = 'monitor@ecpat.example';
const CONFLICTED = 'monitor-and-focal@canatur.example';
const PARTNER = 'focal@paniamor.example';
const PUBLIC_READER = '';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { itemId version position commitment { id } } }`;
const REPORTS = `query ($id: ID!) { commitment(id: $id) { progressReports { id period percentComplete narrative visibility late verification verificationNote supersededBy } } }`;

describe('a reporting cycle through the api', () => {
  let dataDir: string;
  let api: RunningApi;
  const token: Record<string, string> = {};
  let planId = '';
  let ownerId = '';
  let commitmentId = '';

  const { as, ok } = actingAs(() => api, token);
  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-reporting-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    for (const who of [ADMIN, COORDINATOR, FOCAL, MONITOR, CONFLICTED, PARTNER]) token[who] = await tokenFor(dataDir, who);
    token[PUBLIC_READER] = '';
    ({
      planId,
      stakeholders: { owner: ownerId },
      commitments: { code: commitmentId },
    } = await planWithCommitments(ok, {
      admin: ADMIN,
      coordinator: COORDINATOR,
      plan: COSTA_RICA_TOURISM.plan,
      stakeholders: {
        owner: COSTA_RICA_TOURISM.owner,
        partner: COSTA_RICA_TOURISM.partner,
      },
      participants: [
        { subject: COORDINATOR, displayName: 'Secretariat' },
        { subject: FOCAL, displayName: 'CANATUR focal point' },
        { subject: MONITOR, displayName: 'ECPAT monitor' },
        { subject: CONFLICTED, displayName: 'CANATUR monitor' },
        { subject: PARTNER, displayName: 'Paniamor focal point' },
      ],
      grants: [
        [COORDINATOR, 'COORDINATOR', 'plan'],
        [FOCAL, 'FOCAL_POINT', 'owner'],
        [MONITOR, 'MONITOR', 'plan'],
        [CONFLICTED, 'MONITOR', 'plan'],
        [CONFLICTED, 'FOCAL_POINT', 'owner'],
        [PARTNER, 'FOCAL_POINT', 'partner'],
      ],
      areas: [COSTA_RICA_TOURISM.area],
      commitments: {
        code: {
          by: FOCAL,
          owner: 'owner',
          ...COSTA_RICA_TOURISM.theCode,
        },
      },
    }));
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('reports, verifies, disputes, closes a period, corrects late, and scores the stakeholder', async () => {
    const input = (period: string, percent: number, visibility: string, extra: Record<string, unknown> = {}) => ({
      commitmentId,
      period,
      percentComplete: percent,
      narrative: `${period}: ${percent}% (${visibility.toLowerCase()} narrative)`,
      visibility,
      evidenceType: 'SELF_REPORTED',
      evidenceLinks: ['https://www.canatur.example/code-report'],
      ...extra,
    });
    const r2020 = (await ok<{ reportProgress: { itemId: string } }>(FOCAL, REPORT, { input: input('2020', 30, 'PUBLIC') })).reportProgress
      .itemId;
    const r2021 = (await ok<{ reportProgress: { itemId: string } }>(FOCAL, REPORT, { input: input('2021', 70, 'PARTNERS') })).reportProgress
      .itemId;

    const twice = await as(FOCAL, REPORT, { input: input('2020', 35, 'PUBLIC') });
    expect(twice.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    expect((await as(MONITOR, REPORT, { input: input('2022', 10, 'PUBLIC') })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badInput = await as(FOCAL, REPORT, { input: input('twenty', 130, 'PUBLIC', { evidenceLinks: ['ftp://x'] }) });
    expect(badInput.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badInput.errors?.[0]?.extensions?.['fields'])).toMatch(/period.*percentComplete.*evidenceLinks/);

    await ok(MONITOR, `mutation ($input: VerifyProgressReportInput!) { verifyProgressReport(input: $input) { version } }`, {
      input: { commitmentId, reportId: r2020, note: 'Inspection visit' },
    });
    const conflicted = await as(
      CONFLICTED,
      `mutation ($input: DisputeProgressReportInput!) { disputeProgressReport(input: $input) { version } }`,
      { input: { commitmentId, reportId: r2021, reason: 'own report' } },
    );
    expect(conflicted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await as(FOCAL, `mutation ($input: VerifyProgressReportInput!) { verifyProgressReport(input: $input) { version } }`, {
          input: { commitmentId, reportId: r2021 },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    await ok(MONITOR, `mutation ($input: DisputeProgressReportInput!) { disputeProgressReport(input: $input) { version } }`, {
      input: { commitmentId, reportId: r2021, reason: 'No contract clause found' },
    });

    for (const period of ['2020', '2021']) {
      await ok(
        COORDINATOR,
        `mutation ($input: CloseReportingPeriodInput!) { closeReportingPeriod(input: $input) { plan { reportingPeriods { id closed } } } }`,
        { input: { planId, period } },
      );
    }
    expect(
      (
        await as(FOCAL, `mutation ($input: CloseReportingPeriodInput!) { closeReportingPeriod(input: $input) { version } }`, {
          input: { planId, period: '2022' },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    const corrected = await ok<{ reportProgress: { itemId: string; position: string } }>(FOCAL, REPORT, {
      input: input('2021', 45, 'RESTRICTED', { corrects: r2021, evidenceType: 'INSPECTION' }),
    });
    const reports = (
      await ok<{
        commitment: {
          progressReports: { id: string; late: boolean; verification: string; supersededBy: string | null; narrative: string | null }[];
        };
      }>(COORDINATOR, REPORTS, { id: commitmentId })
    ).commitment.progressReports;
    expect(reports.map((r) => [r.id, r.late, r.verification, r.supersededBy])).toEqual([
      [r2020, false, 'VERIFIED', null],
      [r2021, false, 'DISPUTED', corrected.reportProgress.itemId],
      // An honest correction keeps the on-time standing of the report it corrects.
      [corrected.reportProgress.itemId, false, 'UNVERIFIED', null],
    ]);

    const card = await ok<{
      stakeholder: {
        scorecard: {
          made: number;
          active: number;
          complianceRate: number;
          compliance: { period: string; owed: number; onTime: number; late: number; missing: unknown[] }[];
        };
      };
    }>(
      PUBLIC_READER,
      `query ($id: ID!, $plan: ID!, $after: Position) { stakeholder(id: $id, consistentAfter: $after) { scorecard(planId: $plan) { made active complianceRate compliance { period owed onTime late missing { commitment { title } } } } } }`,
      { id: ownerId, plan: planId, after: corrected.reportProgress.position },
    );
    // The commitment was activated today, after 2020 and 2021 were over: it owed no report for them (only a commitment
    // active at some point in a period owes one). test/e2e/figures.e2e.ts lives through the periods with a clock.
    expect(card.stakeholder.scorecard).toEqual({
      made: 1,
      active: 1,
      complianceRate: null,
      compliance: [
        { period: '2020', owed: 0, onTime: 0, late: 0, missing: [] },
        { period: '2021', owed: 0, onTime: 0, late: 0, missing: [] },
      ],
    });

    const summary = await ok<{ plan: { summary: { byOwnerKind: { kind: string; figures: { verifiedShare: number } }[] } } }>(
      PUBLIC_READER,
      `query ($id: ID!) { plan(id: $id) { summary { byOwnerKind { kind figures { verifiedShare atRisk milestonesOverdue } } } } }`,
      { id: planId },
    );
    // The standing reports: 2020 verified by a monitor, 2021 corrected with inspection evidence. The commitment is past
    // its due date at 45%, more than 20 points behind the linear expectation: at risk.
    expect(summary.plan.summary.byOwnerKind).toEqual([
      { kind: 'PRIVATE_SECTOR', figures: { verifiedShare: 1, atRisk: 1, milestonesOverdue: 0 } },
    ]);
  });

  it('serves each progress narrative at the reader’s visibility level only', async () => {
    const narratives = async (who: string) =>
      (
        await ok<{ commitment: { progressReports: { period: string; visibility: string; narrative: string | null }[] } }>(who, REPORTS, {
          id: commitmentId,
        })
      ).commitment.progressReports.map((r) => [r.visibility, r.narrative !== null]);
    expect(await narratives(PUBLIC_READER)).toEqual([
      ['PUBLIC', true],
      ['PARTNERS', false],
      ['RESTRICTED', false],
    ]);
    expect(await narratives(PARTNER)).toEqual([
      ['PUBLIC', true],
      ['PARTNERS', true],
      ['RESTRICTED', false],
    ]);
    expect(await narratives(MONITOR)).toEqual([
      ['PUBLIC', true],
      ['PARTNERS', true],
      ['RESTRICTED', true],
    ]);
    expect(await narratives(FOCAL)).toEqual([
      ['PUBLIC', true],
      ['PARTNERS', true],
      ['RESTRICTED', true],
    ]);
  });

  it('lists deadlines with their status, what-if on another day, and milestones moved twice', async () => {
    const milestone = (
      await ok<{ scheduleMilestone: { itemId: string } }>(
        FOCAL,
        `mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId } }`,
        {
          input: { commitmentId, title: 'Staff of member hotels trained', dueDate: '2021-06-30' },
        },
      )
    ).scheduleMilestone.itemId;
    for (const dueDate of ['2021-09-30', '2021-12-31']) {
      await ok(FOCAL, `mutation ($input: RescheduleMilestoneInput!) { rescheduleMilestone(input: $input) { version } }`, {
        input: { commitmentId, milestoneId: milestone, dueDate, reason: 'Trainers unavailable' },
      });
    }
    const outside = await as(FOCAL, `mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId } }`, {
      input: { commitmentId, title: 'After the plan', dueDate: '2030-01-01' },
    });
    expect(outside.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
    const deadlines = `query ($plan: ID!, $asAt: LocalDate, $statuses: [DeadlineStatus!]) { deadlines(planId: $plan, asAt: $asAt, statuses: $statuses) { kind title dueDate originalDueDate moves daysMoved status commitment { title } } }`;
    const now = await ok<{ deadlines: { kind: string; status: string; moves: number; daysMoved: number; originalDueDate: string }[] }>(
      PUBLIC_READER,
      deadlines,
      { plan: planId },
    );
    expect(now.deadlines.map((d) => [d.kind, d.status])).toEqual([
      ['MILESTONE', 'OVERDUE'],
      ['COMMITMENT', 'OVERDUE'],
    ]);
    expect(now.deadlines[0]).toMatchObject({ moves: 2, daysMoved: 184, originalDueDate: '2021-06-30' });
    // As if today were another day: from what was recorded by the end of it (here: nothing yet in 2021).
    const before = await ok<{ deadlines: unknown[] }>(PUBLIC_READER, deadlines, { plan: planId, asAt: '2021-12-15' });
    expect(before.deadlines).toEqual([]);
    const later = await ok<{ deadlines: { kind: string; status: string }[] }>(PUBLIC_READER, deadlines, {
      plan: planId,
      asAt: '2099-01-01',
      statuses: ['OVERDUE'],
    });
    expect(later.deadlines.map((d) => d.kind)).toEqual(['MILESTONE', 'COMMITMENT']);
  });
});
