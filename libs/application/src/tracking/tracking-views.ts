import type { Assignee, CommitmentStatus, DeadlineStatus, ProgressReportContent } from '#domain';

export interface MilestoneView {
  readonly id: string;
  readonly commitmentId: string;
  readonly title: string;
  readonly dueDate: string;
  readonly originalDueDate: string;
  readonly moves: number;
  readonly daysMoved: number;
  readonly completedOn: string | null;
}

export interface TaskView {
  readonly id: string;
  readonly commitmentId: string;
  readonly title: string;
  readonly dueDate: string;
  readonly assignee: Assignee | null;
  readonly completedOn: string | null;
}

export interface ProgressReportView extends ProgressReportContent {
  readonly id: string;
  readonly commitmentId: string;
  readonly reportedOn: string;
  readonly late: boolean;
  readonly corrects: string | null;
  readonly supersededBy: string | null;
  readonly verification: 'UNVERIFIED' | 'VERIFIED' | 'DISPUTED';
  readonly verificationNote: string | null;
}

export type DeadlineKind = 'COMMITMENT' | 'MILESTONE' | 'TASK';

export interface DeadlineView {
  readonly kind: DeadlineKind;
  readonly id: string;
  readonly title: string;
  readonly commitmentId: string;
  readonly dueDate: string;
  readonly originalDueDate: string;
  readonly completedOn: string | null;
  readonly moves: number;
  readonly daysMoved: number;
  readonly status: DeadlineStatus;
}

export interface DeadlineFilter {
  readonly from?: string | null;
  readonly to?: string | null;
  readonly statuses?: readonly DeadlineStatus[] | null;
  readonly ownerKind?: string | null;
  readonly thematicArea?: string | null;
}

/** Why a commitment is at risk: the linear expectation against the latest reported percent (null: none reported). */
export interface AtRiskView {
  readonly commitmentId: string;
  readonly expectedPercent: number;
  readonly reportedPercent: number | null;
}

/** One group of a plan's summary: a thematic area or a stakeholder kind. */
export interface TrackingGroup {
  readonly key: string;
  readonly commitmentsByStatus: readonly { readonly status: CommitmentStatus; readonly count: number }[];
  readonly milestonesOnTime: number;
  readonly milestonesLate: number;
  readonly milestonesOverdue: number;
  /** Share (0-1) of the standing progress reports that were verified independently (by a monitor, or by evidence type). */
  readonly verifiedShare: number | null;
  readonly atRisk: number;
  readonly atRiskCommitments: readonly AtRiskView[];
}

export interface PeriodCompliance {
  readonly period: string;
  readonly owed: number;
  readonly onTime: number;
  readonly late: number;
  /** Commitments that owe a report for the period and have none. */
  readonly missing: readonly { readonly commitmentId: string; readonly title: string }[];
}

export interface ScorecardView {
  readonly made: number;
  readonly active: number;
  readonly completed: number;
  readonly withdrawn: number;
  readonly milestonesOnTime: number;
  readonly milestonesDue: number;
  readonly compliance: readonly PeriodCompliance[];
  /** Reports on time / reports owed over every closed period; null when nothing was owed. */
  readonly complianceRate: number | null;
}
