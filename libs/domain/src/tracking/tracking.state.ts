import type { CalendarDate } from '../shared/values.js';
import type { Assignee, TrackingEvent } from './tracking.events.js';

export interface MilestoneState {
  readonly title: string;
  readonly dueDate: CalendarDate;
  readonly originalDueDate: CalendarDate;
  readonly moves: number;
  readonly completedOn: CalendarDate | null;
}

export interface TaskState {
  readonly title: string;
  readonly dueDate: CalendarDate;
  readonly assignee: Assignee | null;
  readonly completedOn: CalendarDate | null;
}

export interface ReportState {
  readonly period: string;
  /** It came in after the period was closed (a correction keeps the standing of the report it corrects). */
  readonly late: boolean;
  readonly verification: 'UNVERIFIED' | 'VERIFIED' | 'DISPUTED';
}

/** What is tracked inside a commitment: its milestones, tasks and progress reports. */
export interface CommitmentWork {
  readonly milestones: Readonly<Record<string, MilestoneState>>;
  readonly tasks: Readonly<Record<string, TaskState>>;
  readonly reports: Readonly<Record<string, ReportState>>;
  /** The report that currently stands for each period (the latest correction). */
  readonly currentReport: Readonly<Record<string, string>>;
}

export const emptyWork: CommitmentWork = { milestones: {}, tasks: {}, reports: {}, currentReport: {} };

function withMilestone(work: CommitmentWork, id: string, change: (m: MilestoneState) => MilestoneState): CommitmentWork {
  const milestone = work.milestones[id];
  return milestone ? { ...work, milestones: { ...work.milestones, [id]: change(milestone) } } : work;
}

function withTask(work: CommitmentWork, id: string, change: (t: TaskState) => TaskState): CommitmentWork {
  const task = work.tasks[id];
  return task ? { ...work, tasks: { ...work.tasks, [id]: change(task) } } : work;
}

function withReport(work: CommitmentWork, id: string, verification: ReportState['verification']): CommitmentWork {
  const report = work.reports[id];
  return report ? { ...work, reports: { ...work.reports, [id]: { ...report, verification } } } : work;
}

export function evolveWork(work: CommitmentWork, event: TrackingEvent): CommitmentWork {
  switch (event.type) {
    case 'MilestoneScheduled': {
      const { milestoneId, title, dueDate } = event.data;
      return {
        ...work,
        milestones: { ...work.milestones, [milestoneId]: { title, dueDate, originalDueDate: dueDate, moves: 0, completedOn: null } },
      };
    }
    case 'MilestoneRescheduled':
      return withMilestone(work, event.data.milestoneId, (m) => ({ ...m, dueDate: event.data.to, moves: m.moves + 1 }));
    case 'MilestoneCompleted':
      return withMilestone(work, event.data.milestoneId, (m) => ({ ...m, completedOn: event.data.completedOn }));
    case 'MilestoneReopened':
      return withMilestone(work, event.data.milestoneId, (m) => ({ ...m, completedOn: null }));
    case 'TaskAdded': {
      const { taskId, title, dueDate } = event.data;
      return { ...work, tasks: { ...work.tasks, [taskId]: { title, dueDate, assignee: null, completedOn: null } } };
    }
    case 'TaskAssigned':
      return withTask(work, event.data.taskId, (t) => ({ ...t, assignee: event.data.assignee }));
    case 'TaskCompleted':
      return withTask(work, event.data.taskId, (t) => ({ ...t, completedOn: event.data.completedOn }));
    case 'TaskReopened':
      return withTask(work, event.data.taskId, (t) => ({ ...t, completedOn: null }));
    case 'ProgressReported': {
      const { reportId, period, corrects } = event.data;
      // Older logs recorded a late correction of an on-time report as late: the standing is the corrected report's.
      const late = corrects !== null ? (work.reports[corrects]?.late ?? event.data.late) : event.data.late;
      return {
        ...work,
        reports: { ...work.reports, [reportId]: { period, late, verification: 'UNVERIFIED' } },
        currentReport: { ...work.currentReport, [period]: reportId },
      };
    }
    case 'ProgressReportVerified':
      return withReport(work, event.data.reportId, 'VERIFIED');
    case 'ProgressReportDisputed':
      return withReport(work, event.data.reportId, 'DISPUTED');
    default:
      return work;
  }
}
