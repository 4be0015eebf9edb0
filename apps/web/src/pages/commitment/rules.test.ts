import { describe, expect, it } from 'vitest';
import { chartPoints, defaultPeriod, independence, jobsOf, periodRows, standingByPeriod, startedPeriods } from './rules';

const periods = [
  { id: '2010', start: '2010-01-01', end: '2010-12-31', closed: true },
  { id: '2011', start: '2011-01-01', end: '2011-12-31', closed: true },
  { id: '2012', start: '2012-01-01', end: '2012-12-31', closed: true },
  { id: '2013', start: '2013-01-01', end: '2013-12-31', closed: false },
];
const report = (
  id: string,
  period: string,
  more: Partial<{ percentComplete: number | null; evidenceType: string; verification: string; supersededBy: string | null }> = {},
) => ({
  id,
  period,
  percentComplete: 50,
  evidenceType: 'SELF_REPORTED',
  verification: 'UNVERIFIED',
  supersededBy: null,
  ...more,
});

describe('the period the report form offers', () => {
  it('offers only the periods that have begun', () => {
    expect(startedPeriods(periods, '2011-06-01').map((p) => p.id)).toEqual(['2010', '2011']);
  });

  it('starts on the latest begun period without a report, never on a year the plan does not have', () => {
    expect(defaultPeriod(periods, new Set(['2010', '2011']), '2026-12-07')).toBe('2013');
    expect(defaultPeriod(periods, new Set(['2013']), '2026-12-07')).toBe('2012');
    expect(defaultPeriod(periods, new Set(['2010']), '2011-03-01')).toBe('2011');
  });

  it('falls back to the latest begun period (to correct it), and to the first before the plan starts', () => {
    expect(defaultPeriod(periods, new Set(['2010', '2011', '2012', '2013']), '2026-01-01')).toBe('2013');
    expect(defaultPeriod(periods, new Set(), '2009-05-01')).toBe('2010');
    expect(defaultPeriod([], new Set(), '2009-05-01')).toBeUndefined();
  });
});

describe('independently verified, by the api rule', () => {
  it('counts a monitor-verified report, or independent evidence nobody disputed', () => {
    expect(independence(report('a', '2010', { verification: 'VERIFIED' }))).toBe('MONITOR_VERIFIED');
    expect(independence(report('a', '2010', { evidenceType: 'INSPECTION' }))).toBe('EVIDENCE');
    expect(independence(report('a', '2010', { evidenceType: 'INDEPENDENTLY_VERIFIED' }))).toBe('EVIDENCE');
  });

  it('does not count a disputed, self-reported or corrected report', () => {
    expect(independence(report('a', '2010', { evidenceType: 'INSPECTION', verification: 'DISPUTED' }))).toBe('DISPUTED');
    expect(independence(report('a', '2010'))).toBe('SELF_REPORTED');
    expect(independence(report('a', '2010', { verification: 'VERIFIED', supersededBy: 'b' }))).toBe('SUPERSEDED');
  });
});

describe('the reports list and the chart', () => {
  const reports = [
    report('a', '2010', { percentComplete: 30 }),
    report('b', '2011', { percentComplete: 70, supersededBy: 'c' }),
    report('c', '2011', { percentComplete: 45 }),
    report('d', '2013', { percentComplete: 90 }),
  ];

  it('keeps the last correction as the standing report of a period', () => {
    expect(standingByPeriod(reports).get('2011')?.id).toBe('c');
  });

  it('shows a closed period that owed a report and got none as missing, and leaves out periods that owe nothing', () => {
    const rows = periodRows(periods, reports, new Set(['2012']));
    expect(rows.map((row) => [row.period, row.kind])).toEqual([
      ['2010', 'reported'],
      ['2011', 'reported'],
      ['2012', 'missing'],
      ['2013', 'reported'],
    ]);
    expect(periodRows(periods, [], new Set()).length).toBe(0);
  });

  it('draws the standing percent, and a null (a gap, not a line) for a missing period', () => {
    expect(chartPoints(periodRows(periods, reports, new Set(['2012'])))).toEqual([
      { period: '2010', percent: 30 },
      { period: '2011', percent: 45 },
      { period: '2012', percent: null },
      { period: '2013', percent: 90 },
    ]);
  });
});

describe('who may do what on a commitment', () => {
  const commitment = { planId: 'plan-1', ownerId: 'owner', coOwnerIds: ['co'] };

  it("gives the owner's focal point every job but judging reports", () => {
    expect(jobsOf([{ role: 'FOCAL_POINT', scope: 'owner' }], commitment)).toEqual({ owner: true, contributor: true, monitor: false });
  });

  it("gives a co-owner's focal point tasks and reports only", () => {
    expect(jobsOf([{ role: 'FOCAL_POINT', scope: 'co' }], commitment)).toEqual({ owner: false, contributor: true, monitor: false });
  });

  it('lets a monitor of the plan judge, but never a report of a stakeholder they are a focal point of', () => {
    expect(jobsOf([{ role: 'MONITOR', scope: 'plan-1' }], commitment).monitor).toBe(true);
    expect(jobsOf([{ role: 'MONITOR', scope: 'plan-2' }], commitment).monitor).toBe(false);
    expect(
      jobsOf(
        [
          { role: 'MONITOR', scope: 'plan-1' },
          { role: 'FOCAL_POINT', scope: 'owner' },
        ],
        commitment,
      ).monitor,
    ).toBe(false);
  });

  it('offers nothing to a reader without a role here', () => {
    expect(jobsOf([], commitment)).toEqual({ owner: false, contributor: false, monitor: false });
  });
});
