import type { DomainEvent } from '../decider.js';
import { RuleViolation } from '../rule-violation.js';
import type { PlanDrafted, PlanEvent } from './plan.events.js';

export type PlanFacts = PlanDrafted['data'] & {
  readonly areas: readonly { readonly code: string; readonly title: string }[];
  readonly admitted: readonly string[];
  /** Reporting periods a coordinator has closed: reports for them are late. */
  readonly closedPeriods?: readonly string[];
};

export type PlanState = { readonly status: 'none' } | ({ readonly status: 'DRAFT' | 'ADOPTED' | 'CLOSED' } & PlanFacts);

export const initialPlanState: PlanState = { status: 'none' };

export function evolvePlan(state: PlanState, event: DomainEvent): PlanState {
  const known = event as PlanEvent;
  if (known.type === 'PlanDrafted') return { status: 'DRAFT', ...known.data, areas: [], admitted: [] };
  if (state.status === 'none') return state;
  switch (known.type) {
    case 'ThematicAreaDefined':
      return { ...state, areas: [...state.areas, { code: known.data.code, title: known.data.title }] };
    case 'PlanAdopted':
      return { ...state, status: 'ADOPTED' };
    case 'PlanClosed':
      return { ...state, status: 'CLOSED' };
    case 'StakeholderAdmitted':
      return { ...state, admitted: [...state.admitted, known.data.stakeholderId] };
    case 'ReportingPeriodClosed':
      return { ...state, closedPeriods: [...(state.closedPeriods ?? []), known.data.period] };
    default:
      return state;
  }
}

export type ExistingPlan = Exclude<PlanState, { status: 'none' }>;

/**
 * What a command on anything under a plan (a commitment, what tracks it, a comment) carries: the plan as it stands,
 * folded from the plan's stream by the caller.
 */
export interface UnderPlan {
  readonly plan: PlanState;
}

/** The plan, if it accepts changes under it: a closed plan accepts nothing (DOMAIN.md). */
export function openPlan(plan: PlanState): ExistingPlan {
  if (plan.status === 'none') throw new RuleViolation('commitment.plan_not_found', 'There is no such plan.');
  if (plan.status === 'CLOSED') throw new RuleViolation('plan.closed', `“${plan.title}” is closed and accepts no changes.`);
  return plan;
}
