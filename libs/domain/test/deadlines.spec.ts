import { describe, expect, it } from '@jest/globals';
import { daysBetween, deadlineStatus, expectedPercent, isAtRisk, owesReport } from '#domain';

describe('deadline status', () => {
  it('is DONE when completed on the due date and DONE_LATE a day after', () => {
    expect(deadlineStatus('2011-06-30', '2011-06-30', '2026-01-01')).toBe('DONE');
    expect(deadlineStatus('2011-06-30', '2011-07-01', '2026-01-01')).toBe('DONE_LATE');
  });
  it('is DUE_SOON on the due date itself and OVERDUE the day after', () => {
    expect(deadlineStatus('2011-06-30', null, '2011-06-30')).toBe('DUE_SOON');
    expect(deadlineStatus('2011-06-30', null, '2011-07-01')).toBe('OVERDUE');
  });
  it('is DUE_SOON inside the warning window and UPCOMING beyond it', () => {
    expect(deadlineStatus('2011-06-30', null, '2011-05-31')).toBe('DUE_SOON');
    expect(deadlineStatus('2011-06-30', null, '2011-05-30')).toBe('UPCOMING');
    expect(deadlineStatus('2011-06-30', null, '2011-06-20', 7)).toBe('UPCOMING');
  });
  it('counts days across months and leap years', () => {
    expect(daysBetween('2012-02-28', '2012-03-01')).toBe(2);
    expect(daysBetween('2011-06-30', '2011-06-01')).toBe(-29);
  });
});

describe('at risk', () => {
  it('is more than 20 points below the linear expectation, never when completed', () => {
    // half way through a two-year commitment: 50% expected
    expect(expectedPercent('2010-01-01', '2012-01-01', '2011-01-01')).toBe(50);
    expect(isAtRisk('2010-01-01', '2012-01-01', 29, false, '2011-01-01')).toBe(true);
    expect(isAtRisk('2010-01-01', '2012-01-01', 30, false, '2011-01-01')).toBe(false);
    expect(isAtRisk('2010-01-01', '2012-01-01', 0, true, '2011-01-01')).toBe(false);
    expect(isAtRisk('2010-01-01', '2012-01-01', 79, false, '2030-01-01')).toBe(true);
  });

  it('covers silence: no report once the expectation is more than 20 points above zero', () => {
    expect(isAtRisk('2010-01-01', '2012-01-01', null, false, '2010-03-01')).toBe(false); // about 8% expected
    expect(isAtRisk('2010-01-01', '2012-01-01', null, false, '2010-07-01')).toBe(true); // about 25% expected
    expect(isAtRisk('2010-01-01', '2012-01-01', null, true, '2011-07-01')).toBe(false);
  });

  it('expects everything once the due date has come, and nothing before the start', () => {
    expect(expectedPercent('2010-01-01', '2012-01-01', '2009-06-01')).toBe(0);
    expect(expectedPercent('2010-01-01', '2012-01-01', '2013-06-01')).toBe(100);
    expect(expectedPercent('2012-01-01', '2010-01-01', '2011-01-01')).toBe(100);
  });
});

describe('reports owed', () => {
  const period = { start: '2011-01-01', end: '2011-12-31' };
  it('for a period the commitment was active in at some point', () => {
    expect(owesReport('2011-06-15', null, period)).toBe(true);
    expect(owesReport('2010-03-01', '2011-01-01', period)).toBe(true);
    expect(owesReport('2010-03-01', '2012-05-01', period)).toBe(true);
  });
  it('not for a period before it was activated, after it ended, or when it never was', () => {
    expect(owesReport('2012-01-01', null, period)).toBe(false);
    expect(owesReport('2010-03-01', '2010-12-31', period)).toBe(false);
    expect(owesReport(null, null, period)).toBe(false);
  });
});
