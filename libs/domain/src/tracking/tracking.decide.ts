import { assertNever } from '../decider.js';
import { openPlan, type PlanState } from '../plans/plan.state.js';
import { reportingPeriods } from '../plans/reporting-periods.js';
import { RuleViolation } from '../rule-violation.js';
import { dateOf, requireDate, requireText } from '../shared/values.js';
import type { CommitmentState } from '../commitments/commitment.state.js';
import type { ReportProgress, TrackingCommand } from './tracking.commands.js';
import type { TrackingEvent } from './tracking.events.js';
import type { MilestoneState, TaskState } from './tracking.state.js';

type Made = Exclude<CommitmentState, { status: 'none' }>;

function made(state: CommitmentState): Made {
  if (state.status === 'none') throw new RuleViolation('commitment.not_found', 'There is no such commitment.');
  return state;
}

/** Milestones and tasks change only while the commitment is open (proposed or active). */
function open(state: CommitmentState): Made {
  const commitment = made(state);
  if (commitment.status === 'COMPLETED' || commitment.status === 'WITHDRAWN') {
    throw new RuleViolation('commitment.final', `The commitment is ${commitment.status.toLowerCase()}; nothing changes it any more.`);
  }
  return commitment;
}

function insidePlan(plan: PlanState, date: string, rule: string): string {
  if (plan.status === 'none') throw new RuleViolation('commitment.plan_not_found', 'There is no such plan.');
  if (date < plan.periodStart || date > plan.periodEnd) {
    throw new RuleViolation(rule, `The date must fall inside the plan period (${plan.periodStart} to ${plan.periodEnd}).`);
  }
  return date;
}

function notInFuture(date: string | null, now: Date, rule: string): string {
  const day = date === null ? dateOf(now) : requireDate(date, rule, 'The completion date');
  if (day > dateOf(now)) throw new RuleViolation(rule, 'A completion date cannot be in the future.');
  return day;
}

function milestone(state: Made, id: string): MilestoneState {
  const found = state.work.milestones[id];
  if (!found) throw new RuleViolation('milestone.not_found', 'There is no such milestone on this commitment.');
  return found;
}

function task(state: Made, id: string): TaskState {
  const found = state.work.tasks[id];
  if (!found) throw new RuleViolation('task.not_found', 'There is no such task on this commitment.');
  return found;
}

function report(command: ReportProgress, state: CommitmentState, now: Date): TrackingEvent[] {
  const commitment = made(state);
  // A report accounts for a period the commitment was active in: once activated, it may report, also after it was
  // completed or withdrawn (the periods it was active in still owe their reports).
  if (commitment.activatedOn === null) {
    throw new RuleViolation('progress.commitment_not_active', 'Progress is reported on commitments that have been activated.');
  }
  const plan = command.plan;
  if (plan.status === 'none') throw new RuleViolation('commitment.plan_not_found', 'There is no such plan.');
  if (!reportingPeriods(plan).some((period) => period.id === command.period)) {
    throw new RuleViolation('progress.unknown_period', `${command.period} is not a reporting period of the plan.`);
  }
  if (command.percentComplete === null && command.indicatorValue === null) {
    throw new RuleViolation('progress.nothing_reported', 'Report a percent complete, an indicator value, or both.');
  }
  if (command.percentComplete !== null && !(command.percentComplete >= 0 && command.percentComplete <= 100)) {
    throw new RuleViolation('progress.invalid_percent', 'Percent complete is between 0 and 100.');
  }
  if (command.indicatorValue !== null && !Number.isFinite(command.indicatorValue)) {
    throw new RuleViolation('progress.invalid_indicator_value', 'The indicator value must be a number.');
  }
  const current = commitment.work.currentReport[command.period] ?? null;
  if (current !== command.corrects) {
    throw current === null
      ? new RuleViolation('progress.invalid_correction', 'There is no report for this period to correct.')
      : new RuleViolation('progress.already_reported', `This period already has a report (${current}); send a correction of it instead.`);
  }
  if (commitment.work.reports[command.reportId]) throw new RuleViolation('progress.duplicate_report', 'This report already exists.');
  // A correction keeps the standing of the report it corrects: an honest correction is not a late report.
  const late =
    command.corrects !== null ? commitment.work.reports[command.corrects]!.late : (plan.closedPeriods ?? []).includes(command.period);
  return [
    {
      type: 'ProgressReported',
      data: {
        commitmentId: commitment.commitmentId,
        reportId: command.reportId,
        period: command.period,
        percentComplete: command.percentComplete,
        indicatorValue: command.indicatorValue,
        narrative: requireText(command.narrative, 'progress.narrative_required', 'The narrative'),
        visibility: command.visibility,
        evidenceLinks: command.evidenceLinks,
        evidenceType: command.evidenceType,
        reportedOn: dateOf(now),
        corrects: command.corrects,
        late,
      },
    },
  ];
}

function judgeable(state: Made, reportId: string): void {
  const found = state.work.reports[reportId];
  if (!found) throw new RuleViolation('progress.report_not_found', 'There is no such progress report on this commitment.');
  if (state.work.currentReport[found.period] !== reportId) {
    throw new RuleViolation('progress.report_superseded', 'A later report corrects this one; judge the correction.');
  }
}

export function decideTracking(command: TrackingCommand, state: CommitmentState, now: Date): TrackingEvent[] {
  openPlan(command.plan); // nothing under a closed plan changes
  switch (command.type) {
    case 'ScheduleMilestone': {
      const commitment = open(state);
      if (commitment.work.milestones[command.milestoneId]) throw new RuleViolation('milestone.duplicate', 'This milestone already exists.');
      const dueDate = insidePlan(
        command.plan,
        requireDate(command.dueDate, 'milestone.invalid_date', 'The due date'),
        'milestone.outside_plan_period',
      );
      const title = requireText(command.title, 'milestone.title_required', 'The title');
      return [
        { type: 'MilestoneScheduled', data: { commitmentId: commitment.commitmentId, milestoneId: command.milestoneId, title, dueDate } },
      ];
    }
    case 'RescheduleMilestone': {
      const commitment = open(state);
      const current = milestone(commitment, command.milestoneId);
      if (current.completedOn !== null)
        throw new RuleViolation('milestone.completed', 'A completed milestone is not rescheduled; reopen it first.');
      const to = insidePlan(
        command.plan,
        requireDate(command.dueDate, 'milestone.invalid_date', 'The new due date'),
        'milestone.outside_plan_period',
      );
      if (to === current.dueDate) throw new RuleViolation('milestone.same_date', 'The milestone is already due on that date.');
      const reason = requireText(command.reason, 'milestone.reason_required', 'The reason for rescheduling');
      return [
        {
          type: 'MilestoneRescheduled',
          data: { commitmentId: commitment.commitmentId, milestoneId: command.milestoneId, from: current.dueDate, to, reason },
        },
      ];
    }
    case 'CompleteMilestone': {
      const commitment = open(state);
      if (milestone(commitment, command.milestoneId).completedOn !== null) {
        throw new RuleViolation('milestone.already_completed', 'The milestone is already completed.');
      }
      const completedOn = notInFuture(command.completedOn, now, 'milestone.invalid_completion_date');
      return [
        { type: 'MilestoneCompleted', data: { commitmentId: commitment.commitmentId, milestoneId: command.milestoneId, completedOn } },
      ];
    }
    case 'ReopenMilestone': {
      const commitment = open(state);
      if (milestone(commitment, command.milestoneId).completedOn === null)
        throw new RuleViolation('milestone.not_completed', 'The milestone is not completed.');
      const reason = requireText(command.reason, 'milestone.reason_required', 'The reason for reopening');
      return [{ type: 'MilestoneReopened', data: { commitmentId: commitment.commitmentId, milestoneId: command.milestoneId, reason } }];
    }
    case 'AddTask': {
      const commitment = open(state);
      if (commitment.work.tasks[command.taskId]) throw new RuleViolation('task.duplicate', 'This task already exists.');
      const dueDate = requireDate(command.dueDate, 'task.invalid_date', 'The due date');
      const title = requireText(command.title, 'task.title_required', 'The title');
      return [{ type: 'TaskAdded', data: { commitmentId: commitment.commitmentId, taskId: command.taskId, title, dueDate } }];
    }
    case 'AssignTask': {
      const commitment = open(state);
      if (task(commitment, command.taskId).completedOn !== null)
        throw new RuleViolation('task.completed', 'A completed task is not reassigned.');
      requireText(command.assignee.id, 'task.assignee_required', 'The assignee');
      return [
        { type: 'TaskAssigned', data: { commitmentId: commitment.commitmentId, taskId: command.taskId, assignee: command.assignee } },
      ];
    }
    case 'CompleteTask': {
      const commitment = open(state);
      if (task(commitment, command.taskId).completedOn !== null)
        throw new RuleViolation('task.already_completed', 'The task is already completed.');
      const completedOn = notInFuture(command.completedOn, now, 'task.invalid_completion_date');
      return [{ type: 'TaskCompleted', data: { commitmentId: commitment.commitmentId, taskId: command.taskId, completedOn } }];
    }
    case 'ReopenTask': {
      const commitment = open(state);
      if (task(commitment, command.taskId).completedOn === null)
        throw new RuleViolation('task.not_completed', 'The task is not completed.');
      const reason = requireText(command.reason, 'task.reason_required', 'The reason for reopening');
      return [{ type: 'TaskReopened', data: { commitmentId: commitment.commitmentId, taskId: command.taskId, reason } }];
    }
    case 'ReportProgress':
      return report(command, state, now);
    case 'VerifyProgressReport': {
      const commitment = made(state);
      judgeable(commitment, command.reportId);
      return [
        {
          type: 'ProgressReportVerified',
          data: { commitmentId: commitment.commitmentId, reportId: command.reportId, monitor: command.monitor, note: command.note },
        },
      ];
    }
    case 'DisputeProgressReport': {
      const commitment = made(state);
      judgeable(commitment, command.reportId);
      const reason = requireText(command.reason, 'progress.reason_required', 'The reason for disputing');
      return [
        {
          type: 'ProgressReportDisputed',
          data: { commitmentId: commitment.commitmentId, reportId: command.reportId, monitor: command.monitor, reason },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}
