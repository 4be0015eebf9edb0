import type { DomainEvent } from '../decider.js';
import type { CalendarDate } from '../shared/values.js';

export const REPORTING_CYCLES = ['ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY'] as const;
export type ReportingCycle = (typeof REPORTING_CYCLES)[number];

export type PlanDrafted = DomainEvent<
  'PlanDrafted',
  {
    readonly planId: string;
    readonly country: string;
    readonly title: string;
    readonly periodStart: CalendarDate;
    readonly periodEnd: CalendarDate;
    readonly defaultDeadline: CalendarDate | null;
    readonly reportingCycle: ReportingCycle;
  }
>;
export type ThematicAreaDefined = DomainEvent<
  'ThematicAreaDefined',
  { readonly planId: string; readonly code: string; readonly title: string }
>;
export type PlanAdopted = DomainEvent<'PlanAdopted', { readonly planId: string; readonly adoptedOn: CalendarDate }>;
export type PlanClosed = DomainEvent<
  'PlanClosed',
  { readonly planId: string; readonly closedOn: CalendarDate; readonly reason: string | null }
>;
export type StakeholderAdmitted = DomainEvent<'StakeholderAdmitted', { readonly planId: string; readonly stakeholderId: string }>;

export type ReportingPeriodClosed = DomainEvent<
  'ReportingPeriodClosed',
  { readonly planId: string; readonly period: string; readonly closedOn: CalendarDate }
>;

export type PlanEvent = PlanDrafted | ThematicAreaDefined | PlanAdopted | PlanClosed | StakeholderAdmitted | ReportingPeriodClosed;

export const PLAN_EVENT_TYPES = [
  'PlanDrafted',
  'ThematicAreaDefined',
  'PlanAdopted',
  'PlanClosed',
  'StakeholderAdmitted',
  'ReportingPeriodClosed',
] as const;

export const planStream = (planId: string): string => `plan-${planId}`;
