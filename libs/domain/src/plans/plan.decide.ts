import { assertNever } from '../decider.js';
import { RuleViolation } from '../rule-violation.js';
import { dateOf, requireCountry, requireDate, requireText } from '../shared/values.js';
import type { AdmitStakeholder, ClosePlan, CloseReportingPeriod, DefineThematicArea, DraftPlan, PlanCommand } from './plan.commands.js';
import { reportingPeriods } from './reporting-periods.js';
import type { PlanEvent } from './plan.events.js';
import type { PlanState } from './plan.state.js';

type ExistingPlan = Exclude<PlanState, { status: 'none' }>;

function existing(state: PlanState): ExistingPlan {
  if (state.status === 'none') throw new RuleViolation('plan.not_found', 'There is no such plan.');
  return state;
}

function open(state: PlanState): ExistingPlan {
  const plan = existing(state);
  if (plan.status === 'CLOSED') throw new RuleViolation('plan.closed', `“${plan.title}” is closed and accepts no changes.`);
  return plan;
}

export function draft(command: DraftPlan, state: PlanState): PlanEvent[] {
  if (state.status !== 'none') throw new RuleViolation('plan.already_drafted', 'This plan has already been drafted.');
  const periodStart = requireDate(command.periodStart, 'plan.invalid_period', 'The period start');
  const periodEnd = requireDate(command.periodEnd, 'plan.invalid_period', 'The period end');
  if (periodStart >= periodEnd) throw new RuleViolation('plan.invalid_period', 'The period must start before it ends.');
  const deadline =
    command.defaultDeadline === null ? null : requireDate(command.defaultDeadline, 'plan.invalid_deadline', 'The default deadline');
  if (deadline !== null && (deadline < periodStart || deadline > periodEnd)) {
    throw new RuleViolation('plan.deadline_outside_period', 'The default deadline must fall inside the plan period.');
  }
  return [
    {
      type: 'PlanDrafted',
      data: {
        planId: command.planId,
        country: requireCountry(command.country, 'plan.invalid_country'),
        title: requireText(command.title, 'plan.title_required', 'The title'),
        periodStart,
        periodEnd,
        defaultDeadline: deadline,
        reportingCycle: command.reportingCycle ?? 'ANNUAL',
      },
    },
  ];
}

export function defineArea(command: DefineThematicArea, state: PlanState): PlanEvent[] {
  const plan = open(state);
  const code = requireText(command.code, 'plan.area_code_required', 'The thematic area code');
  if (plan.areas.some((area) => area.code === code)) {
    throw new RuleViolation('plan.duplicate_area_code', `The plan already has a thematic area with code ${code}.`);
  }
  return [
    {
      type: 'ThematicAreaDefined',
      data: { planId: plan.planId, code, title: requireText(command.title, 'plan.area_title_required', 'The thematic area title') },
    },
  ];
}

export function adopt(state: PlanState, now: Date): PlanEvent[] {
  const plan = open(state);
  if (plan.status === 'ADOPTED') throw new RuleViolation('plan.already_adopted', 'The plan is already adopted.');
  if (plan.areas.length === 0)
    throw new RuleViolation('plan.no_thematic_area', 'Define at least one thematic area before adopting the plan.');
  return [{ type: 'PlanAdopted', data: { planId: plan.planId, adoptedOn: dateOf(now) } }];
}

export function close(command: ClosePlan, state: PlanState, now: Date): PlanEvent[] {
  const plan = open(state);
  return [{ type: 'PlanClosed', data: { planId: plan.planId, closedOn: dateOf(now), reason: command.reason } }];
}

export function admit(command: AdmitStakeholder, state: PlanState): PlanEvent[] {
  const plan = open(state);
  if (plan.admitted.includes(command.stakeholderId)) {
    throw new RuleViolation('plan.stakeholder_already_admitted', 'This stakeholder has already joined the plan.');
  }
  return [{ type: 'StakeholderAdmitted', data: { planId: plan.planId, stakeholderId: command.stakeholderId } }];
}

export function closePeriod(command: CloseReportingPeriod, state: PlanState, now: Date): PlanEvent[] {
  const plan = open(state);
  const period = reportingPeriods(plan).find((candidate) => candidate.id === command.period);
  if (!period) throw new RuleViolation('plan.unknown_period', `${command.period} is not a reporting period of the plan.`);
  if ((plan.closedPeriods ?? []).includes(period.id))
    throw new RuleViolation('plan.period_already_closed', `${period.id} is already closed.`);
  if (period.end >= dateOf(now))
    throw new RuleViolation('plan.period_not_over', `${period.id} runs until ${period.end}; close it after that.`);
  return [{ type: 'ReportingPeriodClosed', data: { planId: plan.planId, period: period.id, closedOn: dateOf(now) } }];
}

export function decidePlan(command: PlanCommand, state: PlanState, now: Date): PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan':
      return draft(command, state);
    case 'DefineThematicArea':
      return defineArea(command, state);
    case 'AdoptPlan':
      return adopt(state, now);
    case 'ClosePlan':
      return close(command, state, now);
    case 'AdmitStakeholder':
      return admit(command, state);
    case 'CloseReportingPeriod':
      return closePeriod(command, state, now);
    default:
      return assertNever(command);
  }
}
