import { describe, expect, it } from '@jest/globals';
import {
  trackingDecider,
  type CommitmentEvent,
  fold,
  planDecider,
  type PlanEvent,
  type ReportProgress,
  reportingPeriods,
  type TrackingEvent,
} from '#domain';
import { specFor } from './given-when-then.js';

const given = specFor(trackingDecider);
const planId = 'p-1';
const c = { commitmentId: 'c-1' };
const planEvents: PlanEvent[] = [
  {
    type: 'PlanDrafted',
    data: {
      planId,
      country: 'CR',
      title: 'Costa Rica NPA',
      periodStart: '2010-01-01',
      periodEnd: '2013-12-31',
      defaultDeadline: '2013-12-31',
      reportingCycle: 'ANNUAL',
    },
  },
  { type: 'ThematicAreaDefined', data: { planId, code: 'PREV', title: 'Prevention' } },
  { type: 'StakeholderAdmitted', data: { planId, stakeholderId: 'canatur' } },
];
const plan = fold(planDecider, planEvents);
const planWith2010Closed = fold(planDecider, [
  ...planEvents,
  { type: 'ReportingPeriodClosed', data: { planId, period: '2010', closedOn: '2011-01-15' } },
]);
const made: CommitmentEvent = {
  type: 'CommitmentMade',
  data: {
    ...c,
    planId,
    thematicAreaCode: 'PREV',
    ownerId: 'canatur',
    coOwnerIds: [],
    title: 'The Code',
    description: 'Six criteria',
    sourceReference: null,
    target: { indicator: 'criteria', unit: 'criteria', baseline: 0, targetValue: 6 },
    dueDate: '2013-12-31',
    dueDateInherited: true,
  },
};
const activated: CommitmentEvent = { type: 'CommitmentActivated', data: { ...c, activatedOn: '2010-02-01' } };
const withdrawn: CommitmentEvent = { type: 'CommitmentWithdrawn', data: { ...c, withdrawnOn: '2010-03-01', reason: 'x' } };
const scheduled: TrackingEvent = {
  type: 'MilestoneScheduled',
  data: { ...c, milestoneId: 'm-1', title: 'Staff trained', dueDate: '2011-06-30' },
};
const milestoneDone: TrackingEvent = { type: 'MilestoneCompleted', data: { ...c, milestoneId: 'm-1', completedOn: '2011-06-01' } };
const taskAdded: TrackingEvent = {
  type: 'TaskAdded',
  data: { ...c, taskId: 't-1', title: 'Draft training material', dueDate: '2011-03-31' },
};
const taskDone: TrackingEvent = { type: 'TaskCompleted', data: { ...c, taskId: 't-1', completedOn: '2011-03-01' } };
const report = (reportId: string, period: string, corrects: string | null = null, late = false): TrackingEvent => ({
  type: 'ProgressReported',
  data: {
    ...c,
    reportId,
    period,
    percentComplete: 30,
    indicatorValue: null,
    narrative: 'Two criteria in place',
    visibility: 'PUBLIC',
    evidenceLinks: [],
    evidenceType: 'SELF_REPORTED',
    reportedOn: '2026-11-23',
    corrects,
    late,
  },
});
const reportCommand = (over: Partial<ReportProgress> = {}): ReportProgress => ({
  type: 'ReportProgress',
  reportId: 'r-1',
  period: '2010',
  percentComplete: 30,
  indicatorValue: null,
  narrative: 'Two criteria in place',
  visibility: 'PUBLIC',
  evidenceLinks: [],
  evidenceType: 'SELF_REPORTED',
  corrects: null,
  plan,
  ...over,
});

describe('reporting periods', () => {
  it('derive from the cycle, clipped to the plan period', () => {
    expect(reportingPeriods({ periodStart: '2010-03-01', periodEnd: '2011-12-31', reportingCycle: 'ANNUAL' })).toEqual([
      { id: '2010', start: '2010-03-01', end: '2010-12-31' },
      { id: '2011', start: '2011-01-01', end: '2011-12-31' },
    ]);
    expect(
      reportingPeriods({ periodStart: '2010-01-01', periodEnd: '2010-12-31', reportingCycle: 'SEMI_ANNUAL' }).map((p) => p.id),
    ).toEqual(['2010-H1', '2010-H2']);
    expect(reportingPeriods({ periodStart: '2010-05-10', periodEnd: '2010-12-31', reportingCycle: 'QUARTERLY' })).toEqual([
      { id: '2010-Q2', start: '2010-05-10', end: '2010-06-30' },
      { id: '2010-Q3', start: '2010-07-01', end: '2010-09-30' },
      { id: '2010-Q4', start: '2010-10-01', end: '2010-12-31' },
    ]);
  });

  it('are closed by the plan once over, once', () => {
    const planGiven = specFor(planDecider);
    planGiven(...planEvents)
      .when({ type: 'CloseReportingPeriod', period: '2010' })
      .then({ type: 'ReportingPeriodClosed', data: { planId, period: '2010', closedOn: '2026-11-23' } });
    planGiven(...planEvents)
      .when({ type: 'CloseReportingPeriod', period: '2009' })
      .thenViolates('plan.unknown_period');
    planGiven(...planEvents)
      .when({ type: 'CloseReportingPeriod', period: '2010' }, new Date('2010-12-31T12:00:00Z'))
      .thenViolates('plan.period_not_over');
    planGiven(...planEvents, { type: 'ReportingPeriodClosed', data: { planId, period: '2010', closedOn: '2011-01-15' } })
      .when({ type: 'CloseReportingPeriod', period: '2010' })
      .thenViolates('plan.period_already_closed');
  });
});

describe('milestones', () => {
  it('are scheduled inside the plan period, once, with a title', () => {
    given(made)
      .when({ type: 'ScheduleMilestone', milestoneId: 'm-1', title: 'Staff trained', dueDate: '2011-06-30', plan })
      .then(scheduled);
    given(made, scheduled)
      .when({ type: 'ScheduleMilestone', milestoneId: 'm-1', title: 'Again', dueDate: '2011-06-30', plan })
      .thenViolates('milestone.duplicate');
    given(made)
      .when({ type: 'ScheduleMilestone', milestoneId: 'm-2', title: 'Late', dueDate: '2014-01-01', plan })
      .thenViolates('milestone.outside_plan_period');
    given(made)
      .when({ type: 'ScheduleMilestone', milestoneId: 'm-2', title: '', dueDate: '2011-01-01', plan })
      .thenViolates('milestone.title_required');
    given(made)
      .when({ type: 'ScheduleMilestone', milestoneId: 'm-2', title: 'x', dueDate: '2011-02-31', plan })
      .thenViolates('milestone.invalid_date');
    given(made, withdrawn)
      .when({ type: 'ScheduleMilestone', milestoneId: 'm-2', title: 'x', dueDate: '2011-01-01', plan })
      .thenViolates('commitment.final');
  });

  it('are rescheduled with a reason, keeping where they were', () => {
    given(made, scheduled)
      .when({ type: 'RescheduleMilestone', milestoneId: 'm-1', dueDate: '2011-09-30', reason: 'Trainers unavailable', plan })
      .then({
        type: 'MilestoneRescheduled',
        data: { ...c, milestoneId: 'm-1', from: '2011-06-30', to: '2011-09-30', reason: 'Trainers unavailable' },
      });
    given(made, scheduled)
      .when({ type: 'RescheduleMilestone', milestoneId: 'm-1', dueDate: '2011-09-30', reason: ' ', plan })
      .thenViolates('milestone.reason_required');
    given(made, scheduled)
      .when({ type: 'RescheduleMilestone', milestoneId: 'm-1', dueDate: '2011-06-30', reason: 'x', plan })
      .thenViolates('milestone.same_date');
    given(made, scheduled, milestoneDone)
      .when({ type: 'RescheduleMilestone', milestoneId: 'm-1', dueDate: '2011-09-30', reason: 'x', plan })
      .thenViolates('milestone.completed');
    given(made)
      .when({ type: 'RescheduleMilestone', milestoneId: 'm-9', dueDate: '2011-09-30', reason: 'x', plan })
      .thenViolates('milestone.not_found');
    const moved = fold(trackingDecider, [
      made,
      scheduled,
      { type: 'MilestoneRescheduled', data: { ...c, milestoneId: 'm-1', from: '2011-06-30', to: '2011-09-30', reason: 'a' } },
      { type: 'MilestoneRescheduled', data: { ...c, milestoneId: 'm-1', from: '2011-09-30', to: '2011-12-31', reason: 'b' } },
    ]);
    expect(moved.status !== 'none' && moved.work.milestones['m-1']).toMatchObject({
      originalDueDate: '2011-06-30',
      dueDate: '2011-12-31',
      moves: 2,
    });
  });

  it('are completed once, never in the future, and reopened with a reason', () => {
    given(made, scheduled).when({ type: 'CompleteMilestone', milestoneId: 'm-1', completedOn: '2011-06-01', plan }).then(milestoneDone);
    given(made, scheduled, milestoneDone)
      .when({ type: 'CompleteMilestone', milestoneId: 'm-1', completedOn: null, plan })
      .thenViolates('milestone.already_completed');
    given(made, scheduled)
      .when({ type: 'CompleteMilestone', milestoneId: 'm-1', completedOn: '2030-01-01', plan })
      .thenViolates('milestone.invalid_completion_date');
    given(made, scheduled, milestoneDone)
      .when({ type: 'ReopenMilestone', milestoneId: 'm-1', reason: 'Training incomplete', plan })
      .then({ type: 'MilestoneReopened', data: { ...c, milestoneId: 'm-1', reason: 'Training incomplete' } });
    given(made, scheduled).when({ type: 'ReopenMilestone', milestoneId: 'm-1', reason: 'x', plan }).thenViolates('milestone.not_completed');
    given(made, scheduled, milestoneDone)
      .when({ type: 'ReopenMilestone', milestoneId: 'm-1', reason: '', plan })
      .thenViolates('milestone.reason_required');
  });
});

describe('a closed plan', () => {
  const closed = { ...plan, status: 'CLOSED' } as typeof plan;
  it('accepts nothing under it: milestones, tasks, reports, verdicts', () => {
    given(made, activated)
      .when({ type: 'ScheduleMilestone', milestoneId: 'm-1', title: 'Staff trained', dueDate: '2011-06-30', plan: closed })
      .thenViolates('plan.closed');
    given(made, scheduled)
      .when({ type: 'CompleteMilestone', milestoneId: 'm-1', completedOn: null, plan: closed })
      .thenViolates('plan.closed');
    given(made, activated)
      .when({ type: 'AddTask', taskId: 't-1', title: 'x', dueDate: '2011-03-31', plan: closed })
      .thenViolates('plan.closed');
    given(made, taskAdded).when({ type: 'CompleteTask', taskId: 't-1', completedOn: null, plan: closed }).thenViolates('plan.closed');
    given(made, activated, report('r-1', '2010'))
      .when({ type: 'VerifyProgressReport', reportId: 'r-1', monitor: 'm', note: null, plan: closed })
      .thenViolates('plan.closed');
  });
});

describe('tasks', () => {
  it('are added, assigned, completed and reopened', () => {
    given(made).when({ type: 'AddTask', taskId: 't-1', title: 'Draft training material', dueDate: '2011-03-31', plan }).then(taskAdded);
    given(made, taskAdded).when({ type: 'AddTask', taskId: 't-1', title: 'x', dueDate: '2011-03-31', plan }).thenViolates('task.duplicate');
    given(made).when({ type: 'AddTask', taskId: 't-2', title: ' ', dueDate: '2011-03-31', plan }).thenViolates('task.title_required');
    given(made).when({ type: 'AddTask', taskId: 't-2', title: 'x', dueDate: 'soon', plan }).thenViolates('task.invalid_date');
    given(made, taskAdded)
      .when({ type: 'AssignTask', taskId: 't-1', assignee: { kind: 'STAKEHOLDER', id: 'canatur' }, plan })
      .then({ type: 'TaskAssigned', data: { ...c, taskId: 't-1', assignee: { kind: 'STAKEHOLDER', id: 'canatur' } } });
    given(made)
      .when({ type: 'AssignTask', taskId: 't-9', assignee: { kind: 'PARTICIPANT', id: 'p' }, plan })
      .thenViolates('task.not_found');
    given(made, taskAdded, taskDone)
      .when({ type: 'AssignTask', taskId: 't-1', assignee: { kind: 'PARTICIPANT', id: 'p' }, plan })
      .thenViolates('task.completed');
    given(made, taskAdded).when({ type: 'CompleteTask', taskId: 't-1', completedOn: '2011-03-01', plan }).then(taskDone);
    given(made, taskAdded, taskDone)
      .when({ type: 'CompleteTask', taskId: 't-1', completedOn: null, plan })
      .thenViolates('task.already_completed');
    given(made, taskAdded)
      .when({ type: 'CompleteTask', taskId: 't-1', completedOn: '2099-01-01', plan })
      .thenViolates('task.invalid_completion_date');
    given(made, taskAdded, taskDone)
      .when({ type: 'ReopenTask', taskId: 't-1', reason: 'Material rejected', plan })
      .then({ type: 'TaskReopened', data: { ...c, taskId: 't-1', reason: 'Material rejected' } });
    given(made, taskAdded).when({ type: 'ReopenTask', taskId: 't-1', reason: 'x', plan }).thenViolates('task.not_completed');
  });
});

describe('progress reports', () => {
  it('are reported on an active commitment for a period of the plan, once per period', () => {
    given(made, activated).when(reportCommand()).then(report('r-1', '2010'));
    given(made).when(reportCommand()).thenViolates('progress.commitment_not_active');
    given(made, activated)
      .when(reportCommand({ plan: { ...plan, status: 'CLOSED' } as typeof plan }))
      .thenViolates('plan.closed');
    given(made, activated)
      .when(reportCommand({ period: '2014' }))
      .thenViolates('progress.unknown_period');
    given(made, activated, report('r-1', '2010'))
      .when(reportCommand({ reportId: 'r-2' }))
      .thenViolates('progress.already_reported');
  });

  it('carry a percent (0-100) and/or an indicator value, and a narrative', () => {
    given(made, activated)
      .when(reportCommand({ percentComplete: null, indicatorValue: null }))
      .thenViolates('progress.nothing_reported');
    given(made, activated)
      .when(reportCommand({ percentComplete: 120 }))
      .thenViolates('progress.invalid_percent');
    given(made, activated)
      .when(reportCommand({ narrative: ' ' }))
      .thenViolates('progress.narrative_required');
    given(made, activated)
      .when(reportCommand({ percentComplete: null, indicatorValue: 4 }))
      .then({
        ...report('r-1', '2010'),
        data: { ...(report('r-1', '2010').data as object), percentComplete: null, indicatorValue: 4 },
      } as TrackingEvent);
  });

  it('are corrected by a later report that names the one it corrects', () => {
    given(made, activated, report('r-1', '2010'))
      .when(reportCommand({ reportId: 'r-2', corrects: 'r-1' }))
      .then(report('r-2', '2010', 'r-1'));
    given(made, activated, report('r-1', '2010'), report('r-2', '2010', 'r-1'))
      .when(reportCommand({ reportId: 'r-3', corrects: 'r-1' }))
      .thenViolates('progress.already_reported');
    given(made, activated)
      .when(reportCommand({ corrects: 'r-0' }))
      .thenViolates('progress.invalid_correction');
  });

  it('are late when the period was closed before they came in', () => {
    given(made, activated)
      .when(reportCommand({ plan: planWith2010Closed }))
      .then(report('r-1', '2010', null, true));
  });

  it('keep, when corrected, the on-time standing of the report they correct', () => {
    given(made, activated, report('r-1', '2010'))
      .when(reportCommand({ reportId: 'r-2', corrects: 'r-1', plan: planWith2010Closed }))
      .then(report('r-2', '2010', 'r-1', false));
    given(made, activated, report('r-1', '2010', null, true))
      .when(reportCommand({ reportId: 'r-2', corrects: 'r-1' }))
      .then(report('r-2', '2010', 'r-1', true));
    // A log written before the rule recorded such a correction as late: its standing is still the corrected report's.
    const older = fold(trackingDecider, [made, activated, report('r-1', '2010'), report('r-2', '2010', 'r-1', true)]);
    expect(older.status !== 'none' && older.work.reports['r-2']?.late).toBe(false);
  });

  it('account for periods the commitment was active in: also once it is completed or withdrawn, never while only proposed', () => {
    const completed: CommitmentEvent = { type: 'CommitmentCompleted', data: { ...c, completedOn: '2011-05-01' } };
    const withdrawnLater: CommitmentEvent = {
      type: 'CommitmentWithdrawn',
      data: { ...c, withdrawnOn: '2011-05-01', reason: 'Merged into another' },
    };
    given(made, activated, completed).when(reportCommand()).then(report('r-1', '2010'));
    given(made, activated, withdrawnLater).when(reportCommand()).then(report('r-1', '2010'));
    given(made, withdrawn).when(reportCommand()).thenViolates('progress.commitment_not_active');
  });

  it('are verified or disputed by a monitor, the standing report only', () => {
    given(made, activated, report('r-1', '2010'))
      .when({ type: 'VerifyProgressReport', reportId: 'r-1', monitor: 'ecpat-monitor', note: 'Inspection visit', plan })
      .then({ type: 'ProgressReportVerified', data: { ...c, reportId: 'r-1', monitor: 'ecpat-monitor', note: 'Inspection visit' } });
    given(made, activated, report('r-1', '2010'))
      .when({ type: 'DisputeProgressReport', reportId: 'r-1', monitor: 'ecpat-monitor', reason: 'No evidence of training', plan })
      .then({
        type: 'ProgressReportDisputed',
        data: { ...c, reportId: 'r-1', monitor: 'ecpat-monitor', reason: 'No evidence of training' },
      });
    given(made, activated, report('r-1', '2010'))
      .when({ type: 'DisputeProgressReport', reportId: 'r-1', monitor: 'm', reason: '', plan })
      .thenViolates('progress.reason_required');
    given(made, activated)
      .when({ type: 'VerifyProgressReport', reportId: 'r-9', monitor: 'm', note: null, plan })
      .thenViolates('progress.report_not_found');
    given(made, activated, report('r-1', '2010'), report('r-2', '2010', 'r-1'))
      .when({ type: 'VerifyProgressReport', reportId: 'r-1', monitor: 'm', note: null, plan })
      .thenViolates('progress.report_superseded');
  });
});
