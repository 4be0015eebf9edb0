import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '#eventstore';
import { ProjectionRunner, ReadModelStore } from '#projections';
import { isAtRisk } from '#domain';
import {
  activateCommitment,
  admitStakeholder,
  adoptPlan,
  type AnyUseCase,
  closeReportingPeriod,
  type CommandContext,
  completeMilestone,
  defineThematicArea,
  draftPlan,
  type GrantsReader,
  makeCommitment,
  readModelProjections,
  registerStakeholder,
  reportProgress,
  rescheduleMilestone,
  runUseCase,
  scheduleMilestone,
  SqliteCatalogueReader,
  SqliteTrackingReader,
  type TrackingResult,
  verifyProgressReport,
} from '#application';
import { portsOf } from './use-case-ports.js';

const noGrants: GrantsReader = { rolesOf: () => [], adminCount: () => 0 };
/** The tracking use cases this test runs, by the type of the change it names. */
const TRACKING: Record<string, AnyUseCase<never, TrackingResult>> = {
  ScheduleMilestone: scheduleMilestone,
  RescheduleMilestone: rescheduleMilestone,
  CompleteMilestone: completeMilestone,
  ReportProgress: reportProgress,
  VerifyProgressReport: verifyProgressReport,
};
type TrackingChange = { readonly type: string } & Record<string, unknown>;
const on = (date: string): CommandContext => ({
  actor: 'cli:test',
  correlationId: randomUUID(),
  now: new Date(`${date}T10:00:00Z`),
  asOperator: true,
});

describe('tracking a commitment over time', () => {
  let store: MemoryEventStore;
  let readModels: ReadModelStore;
  let runner: ProjectionRunner;
  let tracking: SqliteTrackingReader;
  let planId: string;
  let ownerId: string;
  let commitmentId: string;
  let secondCommitmentId: string;

  const run = <Input, Result>(useCase: AnyUseCase<Input, Result>, input: Input, date: string): Promise<Result> =>
    runUseCase(useCase, input, on(date), portsOf({ store, grants: noGrants }));
  const trackOn = (id: string, { type, ...change }: TrackingChange, date: string) =>
    run(TRACKING[type]!, { commitmentId: id, ...change } as never, date);
  const track = (change: TrackingChange, date: string) => trackOn(commitmentId, change, date);
  const settle = async () => expect(await runner.waitFor((await store.headPosition())!, 5000)).toBe(true);
  const report = (period: string, percent: number, corrects: string | null = null): TrackingChange => ({
    type: 'ReportProgress',
    period,
    percentComplete: percent,
    indicatorValue: null,
    narrative: `Progress ${percent}%`,
    visibility: 'PUBLIC',
    evidenceLinks: [],
    evidenceType: 'SELF_REPORTED',
    corrects,
  });

  beforeEach(async () => {
    store = new MemoryEventStore();
    readModels = ReadModelStore.open({ path: ':memory:' });
    runner = new ProjectionRunner({ store, readModels, projections: [...readModelProjections] });
    tracking = new SqliteTrackingReader(readModels.db);
    await runner.start();
    planId = (
      await run(
        draftPlan,
        {
          country: 'CR',
          title: 'Costa Rica NPA',
          periodStart: '2010-01-01',
          periodEnd: '2013-12-31',
          defaultDeadline: '2013-12-31',
          reportingCycle: null,
        },
        '2010-01-15',
      )
    ).id;
    await run(defineThematicArea, { planId, code: 'PREV', title: 'Prevention' }, '2010-01-15');
    ownerId = (await run(registerStakeholder, { name: 'CANATUR', kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'CR' }, '2010-01-10'))
      .id;
    await run(admitStakeholder, { planId, stakeholderId: ownerId }, '2010-01-20');
    await run(adoptPlan, { planId }, '2010-02-01');
    const terms = {
      planId,
      thematicAreaCode: 'PREV',
      ownerId,
      coOwnerIds: [],
      description: 'd',
      sourceReference: null,
      target: { indicator: 'criteria', unit: 'criteria', baseline: 0, targetValue: 6 },
      dueDate: null,
    };
    commitmentId = (await run(makeCommitment, { ...terms, title: 'The Code' }, '2010-02-15')).id;
    secondCommitmentId = (await run(makeCommitment, { ...terms, title: 'Hotel inspections' }, '2010-02-15')).id;
    await run(activateCommitment, { commitmentId }, '2010-03-01');
    await run(activateCommitment, { commitmentId: secondCommitmentId }, '2010-03-01');
  });
  afterEach(async () => {
    await runner.stop();
    readModels.close();
  });

  it('reads as of a day from the history the read models keep: a later correction never changes an earlier answer', async () => {
    const first = await track(report('2010', 30), '2011-01-20');
    await settle();
    const percentAsOf = (day: string) =>
      tracking
        .asOf(day)
        .reportsOf([commitmentId])
        .filter((r) => r.supersededBy === null)
        .map((r) => r.percentComplete);
    expect(percentAsOf('2011-02-01')).toEqual([30]);

    await track(report('2010', 20, first.itemId), '2011-03-01');
    await settle();
    expect(percentAsOf('2011-02-01')).toEqual([30]);
    expect(percentAsOf('2011-03-01')).toEqual([20]);
    expect(percentAsOf('2011-01-19')).toEqual([]);
    expect(
      tracking
        .asOf('2011-03-31')
        .reportsOf([commitmentId])
        .map((r) => [r.percentComplete, r.corrects === first.itemId]),
    ).toEqual([
      [30, false],
      [20, true],
    ]);
    const catalogue = new SqliteCatalogueReader(readModels.db);
    expect(catalogue.asOf('2010-01-14').plansByIds([planId])).toEqual([]);
    expect(
      catalogue
        .asOf('2010-01-15')
        .plansByIds([planId])
        .map((p) => p.status),
    ).toEqual(['DRAFT']);
    expect(
      catalogue
        .asOf('2010-02-01')
        .plansByIds([planId])
        .map((p) => p.status),
    ).toEqual(['ADOPTED']);
    expect(catalogue.asOf('2010-02-14').commitmentsByIds([commitmentId])).toEqual([]);
    expect(
      catalogue
        .asOf('2010-02-15')
        .commitmentsByIds([commitmentId])
        .map((c) => c.status),
    ).toEqual(['PROPOSED']);
    expect(
      catalogue
        .asOf('2010-03-01')
        .commitmentsByIds([commitmentId])
        .map((c) => c.status),
    ).toEqual(['ACTIVE']);
  });

  it('counts a milestone moved twice, with the days it moved, and its status at the edges', async () => {
    const { itemId } = await track({ type: 'ScheduleMilestone', title: 'Staff trained', dueDate: '2011-06-30' }, '2010-04-01');
    await track({ type: 'RescheduleMilestone', milestoneId: itemId, dueDate: '2011-09-30', reason: 'Trainers unavailable' }, '2011-06-01');
    await track({ type: 'RescheduleMilestone', milestoneId: itemId, dueDate: '2011-08-31', reason: 'Venue found earlier' }, '2011-07-01');
    await settle();
    const [milestone] = tracking.deadlines(planId, { statuses: null }, '2011-08-31').filter((d) => d.kind === 'MILESTONE');
    expect(milestone).toMatchObject({
      originalDueDate: '2011-06-30',
      dueDate: '2011-08-31',
      moves: 2,
      daysMoved: 92 + 30,
      status: 'DUE_SOON',
    });
    expect(tracking.deadlines(planId, {}, '2011-09-01').find((d) => d.kind === 'MILESTONE')?.status).toBe('OVERDUE');
    await track({ type: 'CompleteMilestone', milestoneId: itemId, completedOn: '2011-08-31' }, '2011-09-02');
    await settle();
    expect(tracking.deadlines(planId, { statuses: ['DONE'] }, '2012-01-01').map((d) => d.kind)).toEqual(['MILESTONE']);
  });

  it('summarises by area and owner kind: milestones met, missed and overdue, independent verification, at-risk as the domain rule says', async () => {
    const { itemId: late } = await track({ type: 'ScheduleMilestone', title: 'Late one', dueDate: '2010-06-30' }, '2010-04-01');
    await track({ type: 'ScheduleMilestone', title: 'Open one', dueDate: '2010-09-30' }, '2010-04-01');
    await track({ type: 'CompleteMilestone', milestoneId: late, completedOn: '2010-07-15' }, '2010-07-15');
    const first = await track(report('2010', 10), '2011-01-20');
    await trackOn(secondCommitmentId, { ...report('2010', 90), evidenceType: 'INSPECTION' }, '2011-01-21');
    await track({ type: 'VerifyProgressReport', reportId: first.itemId, note: null }, '2011-02-01');
    await settle();
    const today = '2011-06-30';
    const { byArea, byKind } = tracking.summaries(planId, today);
    // The Code: started 2010-03-01, due 2013-12-31, 10% reported; Hotel inspections: 90%.
    const expectedAtRisk = [
      isAtRisk('2010-03-01', '2013-12-31', 10, false, today),
      isAtRisk('2010-03-01', '2013-12-31', 90, false, today),
    ].filter(Boolean).length;
    expect(byArea).toEqual([
      {
        key: 'PREV',
        commitmentsByStatus: [{ status: 'ACTIVE', count: 2 }],
        milestonesOnTime: 0,
        milestonesLate: 1,
        milestonesOverdue: 1,
        verifiedShare: 1,
        atRisk: expectedAtRisk,
        atRiskCommitments: [{ commitmentId, expectedPercent: expect.any(Number), reportedPercent: 10 }],
      },
    ]);
    expect(expectedAtRisk).toBe(1);
    expect(byKind.map((g) => g.key)).toEqual(['PRIVATE_SECTOR']);
  });

  it('shows a missing report in the reporting compliance of a closed period, and a late one as late', async () => {
    await track(report('2010', 30), '2011-01-20');
    await run(closeReportingPeriod, { planId, period: '2010' }, '2011-01-31');
    await trackOn(secondCommitmentId, report('2010', 10), '2011-02-10');
    await run(closeReportingPeriod, { planId, period: '2011' }, '2012-01-31');
    await settle();
    const card = tracking.scorecard(ownerId, planId, '2012-02-01');
    expect(card.compliance).toEqual([
      { period: '2010', owed: 2, onTime: 1, late: 1, missing: [] },
      {
        period: '2011',
        owed: 2,
        onTime: 0,
        late: 0,
        missing: [
          { commitmentId, title: 'The Code' },
          { commitmentId: secondCommitmentId, title: 'Hotel inspections' },
        ],
      },
    ]);
    expect(card.complianceRate).toBe(1 / 4);
    expect(card).toMatchObject({ made: 2, active: 2, completed: 0, withdrawn: 0 });
  });
});
