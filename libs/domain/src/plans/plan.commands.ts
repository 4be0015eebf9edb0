import type { ReportingCycle } from './plan.events.js';

export interface DraftPlan {
  readonly type: 'DraftPlan';
  readonly planId: string;
  readonly country: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly defaultDeadline: string | null;
  readonly reportingCycle: ReportingCycle | null;
}
export interface DefineThematicArea {
  readonly type: 'DefineThematicArea';
  readonly code: string;
  readonly title: string;
}
export interface AdoptPlan {
  readonly type: 'AdoptPlan';
}
export interface ClosePlan {
  readonly type: 'ClosePlan';
  readonly reason: string | null;
}
export interface AdmitStakeholder {
  readonly type: 'AdmitStakeholder';
  readonly stakeholderId: string;
}

export interface CloseReportingPeriod {
  readonly type: 'CloseReportingPeriod';
  readonly period: string;
}

export type PlanCommand = DraftPlan | DefineThematicArea | AdoptPlan | ClosePlan | AdmitStakeholder | CloseReportingPeriod;
