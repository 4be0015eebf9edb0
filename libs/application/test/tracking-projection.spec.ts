import { describe, expect, it } from '@jest/globals';
import { SqliteTrackingReader } from '#application';
import { given } from './given.js';
import { Timeline } from './timeline.js';

/** A plan with one active commitment, c-1 in area PREV owned by canatur, made on 2026-02-15 and due at the end of 2027. */
const activeCommitment = (t: Timeline) => [
  t.planDrafted('plan-1'),
  t.on('2026-02-15').commitmentMade('c-1', 'plan-1', { thematicAreaCode: 'PREV', ownerId: 'canatur', dueDate: '2027-12-31' }),
  t.on('2026-03-01').commitmentActivated('c-1'),
];

describe('the tracking projection: commitments as tracked', () => {
  it('given a commitment made and activated, then where it belongs, its life and empty counts', () => {
    const t = new Timeline();
    expect(given(...activeCommitment(t)).rows('tracked_commitments')).toEqual([
      {
        commitment_id: 'c-1',
        plan_id: 'plan-1',
        area_code: 'PREV',
        owner_id: 'canatur',
        status: 'ACTIVE',
        made_on: '2026-02-15',
        activated_on: '2026-03-01',
        ended_on: null,
        due_date: '2027-12-31',
        percents: '{}',
        latest_percent: null,
        reports_current: 0,
        reports_independent: 0,
      },
    ]);
  });

  it('when its due date is revised, withdrawn or completed, then the row follows', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.commitmentRevised('c-1', { dueDate: '2028-06-30' }, { dueDate: '2027-12-31' }),
      t.commitmentRevised('c-1', { title: 'Renamed' }, { title: 'Old' }),
    );
    expect(readModels.row('tracked_commitments', { commitment_id: 'c-1' })).toMatchObject({ due_date: '2028-06-30', status: 'ACTIVE' });

    readModels.when(t.on('2027-01-10').commitmentCompleted('c-1'));
    expect(readModels.row('tracked_commitments', { commitment_id: 'c-1' })).toMatchObject({ status: 'COMPLETED', ended_on: '2027-01-10' });
  });
});

describe('the tracking projection: milestones', () => {
  it('given a scheduled milestone, then a row placed in the commitment’s plan, area and owner, and one OPEN in the tallies', () => {
    const t = new Timeline();
    const readModels = given(...activeCommitment(t), t.on('2026-03-05').milestoneScheduled('c-1', 'm-1', '2026-06-30', 'Staff trained'));

    expect(readModels.rows('milestones')).toEqual([
      {
        milestone_id: 'm-1',
        commitment_id: 'c-1',
        plan_id: 'plan-1',
        area_code: 'PREV',
        owner_id: 'canatur',
        title: 'Staff trained',
        due_date: '2026-06-30',
        original_due_date: '2026-06-30',
        moves: 0,
        days_moved: 0,
        completed_on: null,
        created_position: 4,
      },
    ]);
    expect(readModels.rows('milestone_tallies')).toEqual([
      { plan_id: 'plan-1', owner_id: 'canatur', area_code: 'PREV', state: 'OPEN', due_date: '2026-06-30', day: '2026-03-05', delta: 1 },
    ]);
  });

  it('when it is moved twice, then the moves and the days moved add up, and the tally follows its due date', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.milestoneScheduled('c-1', 'm-1', '2026-06-30'),
      t.on('2026-06-01').milestoneRescheduled('c-1', 'm-1', '2026-06-30', '2026-09-30'),
      t.on('2026-07-01').milestoneRescheduled('c-1', 'm-1', '2026-09-30', '2026-08-31'),
    );

    expect(readModels.row('milestones', { milestone_id: 'm-1' })).toMatchObject({
      due_date: '2026-08-31',
      original_due_date: '2026-06-30',
      moves: 2,
      days_moved: 92 + 30,
    });
    const openOn = (dueDate: string) =>
      readModels.rows('milestone_tallies', { state: 'OPEN', due_date: dueDate }).reduce((sum, row) => sum + Number(row['delta']), 0);
    expect([openOn('2026-06-30'), openOn('2026-09-30'), openOn('2026-08-31')]).toEqual([0, 0, 1]);
  });

  it('when it is completed late, then reopened, then the tallies count it LATE, then OPEN again', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.milestoneScheduled('c-1', 'm-1', '2026-06-30'),
      t.on('2026-07-15').milestoneCompleted('c-1', 'm-1'),
    );
    const count = (state: string) => readModels.rows('milestone_tallies', { state }).reduce((sum, row) => sum + Number(row['delta']), 0);

    expect(readModels.row('milestones', { milestone_id: 'm-1' })).toMatchObject({ completed_on: '2026-07-15' });
    expect([count('OPEN'), count('LATE'), count('ON_TIME')]).toEqual([0, 1, 0]);

    readModels.when(t.on('2026-07-20').milestoneReopened('c-1', 'm-1'));
    expect(readModels.row('milestones', { milestone_id: 'm-1' })).toMatchObject({ completed_on: null });
    expect([count('OPEN'), count('LATE'), count('ON_TIME')]).toEqual([1, 0, 0]);
  });

  it('when its commitment is withdrawn, then its milestones leave the tallies and the deadlines', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.milestoneScheduled('c-1', 'm-1', '2026-06-30'),
      t.on('2026-04-01').commitmentWithdrawn('c-1'),
    );
    expect(readModels.rows('milestone_tallies').reduce((sum, row) => sum + Number(row['delta']), 0)).toBe(0);
    expect(new SqliteTrackingReader(readModels.database()).deadlines('plan-1', {}, '2026-05-01')).toEqual([]);
  });

  it('answers the deadlines of a plan with their status on a day', () => {
    const t = new Timeline();
    const readModels = given(...activeCommitment(t), t.milestoneScheduled('c-1', 'm-1', '2026-06-30', 'Staff trained'));
    const tracking = new SqliteTrackingReader(readModels.database());

    const milestoneOn = (today: string) => tracking.deadlines('plan-1', {}, today).find((deadline) => deadline.kind === 'MILESTONE');
    expect(milestoneOn('2026-06-20')).toMatchObject({
      id: 'm-1',
      title: 'Staff trained',
      commitmentId: 'c-1',
      dueDate: '2026-06-30',
      status: 'DUE_SOON',
    });
    expect(milestoneOn('2026-07-01')).toMatchObject({ status: 'OVERDUE' });
  });
});

describe('the tracking projection: progress reports', () => {
  it('given a report, then an UNVERIFIED row placed in the plan, and the commitment’s counts and latest percent', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.on('2027-01-20').progressReported('c-1', 'r-1', {
        period: '2026',
        percentComplete: 30,
        narrative: 'Started',
        visibility: 'PARTNERS',
        evidenceLinks: ['https://example.org/a'],
      }),
    );

    expect(readModels.rows('progress_reports')).toEqual([
      {
        report_id: 'r-1',
        commitment_id: 'c-1',
        plan_id: 'plan-1',
        area_code: 'PREV',
        owner_id: 'canatur',
        period: '2026',
        percent_complete: 30,
        indicator_value: null,
        narrative: 'Started',
        visibility: 'PARTNERS',
        evidence_links: '["https://example.org/a"]',
        evidence_type: 'SELF_REPORTED',
        reported_on: '2027-01-20',
        late: 0,
        corrects: null,
        superseded_by: null,
        verification: 'UNVERIFIED',
        verification_note: null,
        monitor: null,
        created_position: 4,
      },
    ]);
    expect(readModels.row('tracked_commitments', { commitment_id: 'c-1' })).toMatchObject({
      percents: '{"2026":30}',
      latest_percent: 30,
      reports_current: 1,
      reports_independent: 0,
    });
  });

  it('when a report is corrected, then the first is superseded, the correction keeps its lateness, and the counts do not double', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.on('2027-02-10').progressReported('c-1', 'r-1', { period: '2026', percentComplete: 30, late: true }),
      t.progressReported('c-1', 'r-2', { period: '2026', percentComplete: 20, corrects: 'r-1', late: false }),
    );

    expect(readModels.rows('progress_reports').map((r) => [r['report_id'], r['superseded_by'], r['corrects'], r['late']])).toEqual([
      ['r-1', 'r-2', null, 1],
      ['r-2', null, 'r-1', 1],
    ]);
    expect(readModels.row('tracked_commitments', { commitment_id: 'c-1' })).toMatchObject({ latest_percent: 20, reports_current: 1 });
  });

  it('takes the percent of the latest period that reported one as the latest percent', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.progressReported('c-1', 'r-2027', { period: '2027', percentComplete: null, indicatorValue: 12 }),
      t.progressReported('c-1', 'r-2026', { period: '2026', percentComplete: 40 }),
    );
    const tracked = readModels.row('tracked_commitments', { commitment_id: 'c-1' });
    expect(JSON.parse(String(tracked?.['percents']))).toEqual({ '2026': 40, '2027': null });
    expect(tracked).toMatchObject({ latest_percent: 40, reports_current: 2 });
  });

  it('counts a report as independent when a monitor verified it, or its evidence is independent and nobody disputed it', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.progressReported('c-1', 'self', { period: '2026' }),
      t.progressReported('c-1', 'inspected', { period: '2027', evidenceType: 'INSPECTION' }),
    );
    const independent = () => readModels.row('tracked_commitments', { commitment_id: 'c-1' })?.['reports_independent'];
    expect(independent()).toBe(1);

    readModels.when(t.progressReportVerified('c-1', 'self', 'monitor-1', 'Checked on site'));
    expect(independent()).toBe(2);
    expect(readModels.row('progress_reports', { report_id: 'self' })).toMatchObject({
      verification: 'VERIFIED',
      verification_note: 'Checked on site',
      monitor: 'monitor-1',
    });

    readModels.when(t.progressReportDisputed('c-1', 'inspected', 'The inspection found nothing', 'monitor-2'));
    expect(independent()).toBe(1);
    expect(readModels.row('progress_reports', { report_id: 'inspected' })).toMatchObject({
      verification: 'DISPUTED',
      verification_note: 'The inspection found nothing',
      monitor: 'monitor-2',
    });
  });

  it('answers the reports of a commitment, corrections included, oldest first', () => {
    const t = new Timeline();
    const readModels = given(
      ...activeCommitment(t),
      t.on('2027-01-20').progressReported('c-1', 'r-1', { period: '2026', percentComplete: 30 }),
      t.on('2027-03-01').progressReported('c-1', 'r-2', { period: '2026', percentComplete: 20, corrects: 'r-1' }),
    );
    const tracking = new SqliteTrackingReader(readModels.database());

    expect(tracking.reportsOf(['c-1']).map((r) => [r.id, r.percentComplete, r.supersededBy])).toEqual([
      ['r-1', 30, 'r-2'],
      ['r-2', 20, null],
    ]);
    expect(
      tracking
        .asOf('2027-02-01')
        .reportsOf(['c-1'])
        .map((r) => [r.id, r.supersededBy]),
    ).toEqual([['r-1', null]]);
  });
});

describe('the tracking projection: reporting periods', () => {
  it('given a closed period, then a row for it, which the reader answers', () => {
    const t = new Timeline();
    const readModels = given(...activeCommitment(t), t.on('2027-01-31').reportingPeriodClosed('plan-1', '2026'));

    expect(readModels.rows('closed_periods')).toEqual([{ plan_id: 'plan-1', period: '2026', closed_on: '2027-01-31' }]);
    expect(new SqliteTrackingReader(readModels.database()).closedPeriods('plan-1')).toEqual([{ period: '2026', closedOn: '2027-01-31' }]);
  });

  it('ignores task events: tasks have a read model of their own', () => {
    const t = new Timeline();
    const before = given(...activeCommitment(t));
    const tables = ['tracked_commitments', 'milestones', 'progress_reports', 'milestone_tallies', 'closed_periods'];
    const snapshot = tables.map((table) => before.rows(table));
    before.when(t.taskAdded('c-1', 'task-1', '2026-05-01'), t.taskCompleted('c-1', 'task-1'));
    expect(tables.map((table) => before.rows(table))).toEqual(snapshot);
  });
});
