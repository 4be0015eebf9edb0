import type { PlanState } from '../plans/plan.state.js';
import type { Assignee, ProgressReportContent } from './tracking.events.js';

export interface ScheduleMilestone {
  readonly type: 'ScheduleMilestone';
  readonly milestoneId: string;
  readonly title: string;
  readonly dueDate: string;
  /** The plan as it stands: a milestone falls inside its period. */
  readonly plan: PlanState;
}
export interface RescheduleMilestone {
  readonly type: 'RescheduleMilestone';
  readonly milestoneId: string;
  readonly dueDate: string;
  readonly reason: string;
  readonly plan: PlanState;
}
export interface CompleteMilestone {
  readonly type: 'CompleteMilestone';
  readonly milestoneId: string;
  readonly completedOn: string | null;
}
export interface ReopenMilestone {
  readonly type: 'ReopenMilestone';
  readonly milestoneId: string;
  readonly reason: string;
}
export interface AddTask {
  readonly type: 'AddTask';
  readonly taskId: string;
  readonly title: string;
  readonly dueDate: string;
}
export interface AssignTask {
  readonly type: 'AssignTask';
  readonly taskId: string;
  readonly assignee: Assignee;
}
export interface CompleteTask {
  readonly type: 'CompleteTask';
  readonly taskId: string;
  readonly completedOn: string | null;
}
export interface ReopenTask {
  readonly type: 'ReopenTask';
  readonly taskId: string;
  readonly reason: string;
}
export interface ReportProgress extends ProgressReportContent {
  readonly type: 'ReportProgress';
  readonly reportId: string;
  readonly corrects: string | null;
  /** The plan as it stands: its reporting periods and which of them are closed. */
  readonly plan: PlanState;
}
export interface VerifyProgressReport {
  readonly type: 'VerifyProgressReport';
  readonly reportId: string;
  readonly monitor: string;
  readonly note: string | null;
  /** Whether the monitor is also a focal point of the owning stakeholder (they may not judge their own report). */
  readonly monitorIsOwnerFocalPoint: boolean;
}
export interface DisputeProgressReport {
  readonly type: 'DisputeProgressReport';
  readonly reportId: string;
  readonly monitor: string;
  readonly reason: string;
  readonly monitorIsOwnerFocalPoint: boolean;
}

export type TrackingCommand =
  | ScheduleMilestone
  | RescheduleMilestone
  | CompleteMilestone
  | ReopenMilestone
  | AddTask
  | AssignTask
  | CompleteTask
  | ReopenTask
  | ReportProgress
  | VerifyProgressReport
  | DisputeProgressReport;
