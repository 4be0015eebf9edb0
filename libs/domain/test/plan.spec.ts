import { describe, it } from '@jest/globals';
import { type DraftPlan, type PlanEvent, planDecider } from '#domain';
import { specFor } from './given-when-then.js';

const given = specFor(planDecider);
const planId = 'p-eca';
const draftCommand: DraftPlan = {
  type: 'DraftPlan',
  planId,
  country: 'NL',
  title: 'Netherlands NPA 2009-2013',
  periodStart: '2009-01-01',
  periodEnd: '2013-12-31',
  defaultDeadline: '2013-12-31',
  reportingCycle: null,
};
const drafted: PlanEvent = {
  type: 'PlanDrafted',
  data: {
    planId,
    country: 'NL',
    title: 'Netherlands NPA 2009-2013',
    periodStart: '2009-01-01',
    periodEnd: '2013-12-31',
    defaultDeadline: '2013-12-31',
    reportingCycle: 'ANNUAL',
  },
};
const area = (code: string): PlanEvent => ({ type: 'ThematicAreaDefined', data: { planId, code, title: `Area ${code}` } });
const adopted: PlanEvent = { type: 'PlanAdopted', data: { planId, adoptedOn: '2026-11-23' } };
const closed: PlanEvent = { type: 'PlanClosed', data: { planId, closedOn: '2026-11-23', reason: null } };

describe('action plan', () => {
  it('is drafted with an annual reporting cycle by default', () => given().when(draftCommand).then(drafted));
  it('is drafted once', () => given(drafted).when(draftCommand).thenViolates('plan.already_drafted'));
  it('needs a period that starts before it ends', () =>
    given()
      .when({ ...draftCommand, periodStart: '2013-12-31', periodEnd: '2009-01-01' })
      .thenViolates('plan.invalid_period'));
  it('needs real dates', () =>
    given()
      .when({ ...draftCommand, periodEnd: '2013-02-30' })
      .thenViolates('plan.invalid_period'));
  it('keeps the default deadline inside the period', () =>
    given()
      .when({ ...draftCommand, defaultDeadline: '2015-01-01' })
      .thenViolates('plan.deadline_outside_period'));
  it('needs an ISO country code and a title', () => {
    given()
      .when({ ...draftCommand, country: 'Netherlands' })
      .thenViolates('plan.invalid_country');
    given()
      .when({ ...draftCommand, title: '  ' })
      .thenViolates('plan.title_required');
  });
  it('defines thematic areas with unique codes', () => {
    given(drafted).when({ type: 'DefineThematicArea', code: 'PREV', title: 'Area PREV' }).then(area('PREV'));
    given(drafted, area('PREV'))
      .when({ type: 'DefineThematicArea', code: 'PREV', title: 'Prevention' })
      .thenViolates('plan.duplicate_area_code');
  });
  it('is adopted only with at least one thematic area', () => {
    given(drafted).when({ type: 'AdoptPlan' }).thenViolates('plan.no_thematic_area');
    given(drafted, area('PREV')).when({ type: 'AdoptPlan' }).then(adopted);
    given(drafted, area('PREV'), adopted).when({ type: 'AdoptPlan' }).thenViolates('plan.already_adopted');
  });
  it('admits a stakeholder once', () => {
    given(drafted)
      .when({ type: 'AdmitStakeholder', stakeholderId: 's-1' })
      .then({ type: 'StakeholderAdmitted', data: { planId, stakeholderId: 's-1' } });
    given(drafted, { type: 'StakeholderAdmitted', data: { planId, stakeholderId: 's-1' } })
      .when({ type: 'AdmitStakeholder', stakeholderId: 's-1' })
      .thenViolates('plan.stakeholder_already_admitted');
  });
  it('accepts nothing once closed', () => {
    given(drafted, area('PREV'), adopted)
      .when({ type: 'ClosePlan', reason: 'cycle ended' })
      .then({ ...closed, data: { ...closed.data, reason: 'cycle ended' } } as PlanEvent);
    given(drafted, closed).when({ type: 'DefineThematicArea', code: 'X', title: 'X' }).thenViolates('plan.closed');
    given(drafted, closed).when({ type: 'AdmitStakeholder', stakeholderId: 's-1' }).thenViolates('plan.closed');
    given(drafted, closed).when({ type: 'AdoptPlan' }).thenViolates('plan.closed');
    given(drafted, closed).when({ type: 'ClosePlan', reason: null }).thenViolates('plan.closed');
  });
  it('needs a drafted plan for everything else', () => given().when({ type: 'AdoptPlan' }).thenViolates('plan.not_found'));
});
