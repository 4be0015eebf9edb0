import type { DomainEvent } from '../decider.js';
import type { CalendarDate } from '../shared/values.js';

export const VISIBILITIES = ['PUBLIC', 'PARTNERS', 'RESTRICTED'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const EVIDENCE_TYPES = ['SELF_REPORTED', 'INDEPENDENTLY_VERIFIED', 'INSPECTION'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface Assignee {
  readonly kind: 'PARTICIPANT' | 'STAKEHOLDER';
  readonly id: string;
}

type On<T extends string, D> = DomainEvent<T, { readonly commitmentId: string } & D>;

export type MilestoneScheduled = On<
  'MilestoneScheduled',
  { readonly milestoneId: string; readonly title: string; readonly dueDate: CalendarDate }
>;
export type MilestoneRescheduled = On<
  'MilestoneRescheduled',
  { readonly milestoneId: string; readonly from: CalendarDate; readonly to: CalendarDate; readonly reason: string }
>;
export type MilestoneCompleted = On<'MilestoneCompleted', { readonly milestoneId: string; readonly completedOn: CalendarDate }>;
export type MilestoneReopened = On<'MilestoneReopened', { readonly milestoneId: string; readonly reason: string }>;
export type TaskAdded = On<'TaskAdded', { readonly taskId: string; readonly title: string; readonly dueDate: CalendarDate }>;
export type TaskAssigned = On<'TaskAssigned', { readonly taskId: string; readonly assignee: Assignee }>;
export type TaskCompleted = On<'TaskCompleted', { readonly taskId: string; readonly completedOn: CalendarDate }>;
export type TaskReopened = On<'TaskReopened', { readonly taskId: string; readonly reason: string }>;
/** What a progress report says, as its owner gives it. */
export interface ProgressReportContent {
  readonly period: string;
  readonly percentComplete: number | null;
  readonly indicatorValue: number | null;
  readonly narrative: string;
  readonly visibility: Visibility;
  readonly evidenceLinks: readonly string[];
  readonly evidenceType: EvidenceType;
}

export type ProgressReported = On<
  'ProgressReported',
  ProgressReportContent & {
    readonly reportId: string;
    readonly reportedOn: CalendarDate;
    /** The earlier report for the same period this one corrects; both stay in the history. */
    readonly corrects: string | null;
    /** Reported after the coordinator closed the period. */
    readonly late: boolean;
  }
>;
export type ProgressReportVerified = On<
  'ProgressReportVerified',
  { readonly reportId: string; readonly monitor: string; readonly note: string | null }
>;
export type ProgressReportDisputed = On<
  'ProgressReportDisputed',
  { readonly reportId: string; readonly monitor: string; readonly reason: string }
>;

export type TrackingEvent =
  | MilestoneScheduled
  | MilestoneRescheduled
  | MilestoneCompleted
  | MilestoneReopened
  | TaskAdded
  | TaskAssigned
  | TaskCompleted
  | TaskReopened
  | ProgressReported
  | ProgressReportVerified
  | ProgressReportDisputed;

export const TRACKING_EVENT_TYPES = [
  'MilestoneScheduled',
  'MilestoneRescheduled',
  'MilestoneCompleted',
  'MilestoneReopened',
  'TaskAdded',
  'TaskAssigned',
  'TaskCompleted',
  'TaskReopened',
  'ProgressReported',
  'ProgressReportVerified',
  'ProgressReportDisputed',
] as const;
