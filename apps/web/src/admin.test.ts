import { describe, expect, it } from 'vitest';
import {
  grantKey,
  grantOf,
  holdsAdmin,
  planDateProblems,
  registrationInput,
  remember,
  scopeChoices,
  scopeKindOf,
  scopeName,
} from './admin';

const plans = [{ id: 'plan-cr', title: 'Costa Rica NPA', country: 'CR', status: 'ADOPTED' }];
const stakeholders = [
  { id: 'sh-gov', name: 'Government', kind: 'GOVERNMENT', country: 'CR' },
  { id: 'sh-panel', name: 'Youth panel', kind: 'YOUTH_PANEL', country: 'CR' },
];

describe('the Administration page', () => {
  it('scopes ADMIN to the platform, coordinators and monitors to a plan, focal points to a stakeholder, youth to a youth panel', () => {
    expect(['ADMIN', 'COORDINATOR', 'MONITOR', 'FOCAL_POINT', 'YOUTH'].map(scopeKindOf)).toEqual([
      'platform',
      'plan',
      'plan',
      'stakeholder',
      'youthPanel',
    ]);
    expect(scopeChoices('ADMIN', plans, stakeholders)).toEqual([]);
    expect(scopeChoices('MONITOR', plans, stakeholders)).toEqual([{ id: 'plan-cr', label: 'Costa Rica NPA (CR)' }]);
    expect(scopeChoices('FOCAL_POINT', plans, stakeholders).map((c) => c.id)).toEqual(['sh-gov', 'sh-panel']);
    expect(scopeChoices('YOUTH', plans, stakeholders)).toEqual([{ id: 'sh-panel', label: 'Youth panel (CR)' }]);
  });

  it('names a scope by its plan or stakeholder, and an unknown one by its id', () => {
    expect(scopeName(null, plans, stakeholders)).toBeNull();
    expect(scopeName('plan-cr', plans, stakeholders)).toBe('Costa Rica NPA');
    expect(scopeName('sh-gov', plans, stakeholders)).toBe('Government');
    expect(scopeName('elsewhere', plans, stakeholders)).toBe('elsewhere');
  });

  it('knows who holds ADMIN, and turns a grant into one choice and back', () => {
    expect(holdsAdmin([{ role: 'COORDINATOR', scope: 'plan-cr' }])).toBe(false);
    expect(holdsAdmin([{ role: 'ADMIN', scope: null }])).toBe(true);
    expect(grantOf(grantKey({ role: 'ADMIN', scope: null }))).toEqual({ role: 'ADMIN', scope: null });
    expect(grantOf(grantKey({ role: 'FOCAL_POINT', scope: 'sh-gov' }))).toEqual({ role: 'FOCAL_POINT', scope: 'sh-gov' });
    expect(grantOf('OWNER:x')).toBeUndefined();
    expect(grantOf('')).toBeUndefined();
  });

  it('registers an adult as ADULT without a sponsor, and a youth with a youth age band and their panel', () => {
    const form = {
      subject: ' amina@ministry.example ',
      displayName: ' Amina ',
      kind: 'ADULT' as const,
      youthAgeBand: 'UNDER_18' as const,
      realName: '',
      email: ' ',
      sponsorStakeholderId: 'sh-panel',
    };
    expect(registrationInput(form)).toEqual({ subject: 'amina@ministry.example', displayName: 'Amina', kind: 'ADULT', ageBand: 'ADULT' });
    expect(registrationInput({ ...form, kind: 'YOUTH', youthAgeBand: 'AGE_18_24', realName: 'Amina W.', email: 'a@b.example' })).toEqual({
      subject: 'amina@ministry.example',
      displayName: 'Amina',
      kind: 'YOUTH',
      ageBand: 'AGE_18_24',
      realName: 'Amina W.',
      email: 'a@b.example',
      sponsorStakeholderId: 'sh-panel',
    });
  });

  it('refuses a plan period that does not end after it starts, and a default deadline outside it', () => {
    expect(planDateProblems({ periodStart: '2014-01-01', periodEnd: '2018-12-31', defaultDeadline: '2018-06-30' })).toEqual({});
    expect(planDateProblems({ periodStart: '2014-01-01', periodEnd: '2014-01-01', defaultDeadline: '' })).toEqual({
      periodEnd: 'plan.endBeforeStart',
    });
    expect(planDateProblems({ periodStart: '2014-01-01', periodEnd: '2018-12-31', defaultDeadline: '2019-01-01' })).toEqual({
      defaultDeadline: 'plan.deadlineOutside',
    });
  });

  it('keeps the participants in the order they came, bringing one up to date in place', () => {
    const a = { id: 'a', name: 'A' };
    const b = { id: 'b', name: 'B' };
    expect(remember(remember([a], b), { id: 'a', name: 'A2' })).toEqual([{ id: 'a', name: 'A2' }, b]);
  });
});
