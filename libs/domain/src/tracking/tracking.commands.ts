import type { UnderPlan } from '../plans/plan.state.js';
import type { Assignee, ProgressReportContent } from './tracking.events.js';

export interface ScheduleMilestone extends UnderPlan {
  readonly type: 'ScheduleMilestone';
  readonly milestoneId: string;
  readonly title: string;
  /** Inside the plan's period. */
  readonly dueDate: string;
}
export interface RescheduleMilestone extends UnderPlan {
  readonly type: 'RescheduleMilestone';
  readonly milestoneId: string;
  readonly dueDate: string;
  readonly reason: string;
}
export interface CompleteMilestone extends UnderPlan {
  readonly type: 'CompleteMilestone';
  readonly milestoneId: string;
  readonly completedOn: string | null;
}
export interface ReopenMilestone extends UnderPlan {
  readonly type: 'ReopenMilestone';
  readonly milestoneId: string;
  readonly reason: string;
}
export interface AddTask extends UnderPlan {
  readonly type: 'AddTask';
  readonly taskId: string;
  readonly title: string;
  readonly dueDate: string;
}
export interface AssignTask extends UnderPlan {
  readonly type: 'AssignTask';
  readonly taskId: string;
  readonly assignee: Assignee;
}
export interface CompleteTask extends UnderPlan {
  readonly type: 'CompleteTask';
  readonly taskId: string;
  readonly completedOn: string | null;
}
export interface ReopenTask extends UnderPlan {
  readonly type: 'ReopenTask';
  readonly taskId: string;
  readonly reason: string;
}
export interface ReportProgress extends ProgressReportContent, UnderPlan {
  readonly type: 'ReportProgress';
  readonly reportId: string;
  readonly corrects: string | null;
}
export interface VerifyProgressReport extends UnderPlan {
  readonly type: 'VerifyProgressReport';
  readonly reportId: string;
  readonly monitor: string;
  readonly note: string | null;
}
export interface DisputeProgressReport extends UnderPlan {
  readonly type: 'DisputeProgressReport';
  readonly reportId: string;
  readonly monitor: string;
  readonly reason: string;
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
