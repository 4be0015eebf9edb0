import { describe, expect, it } from 'vitest';
import { localToday, mayComment, mayFlag, missingReports, notYetAdmitted, periodsToClose, takesPart, uniqueAtRisk, waitingForVerdict } from './jobs';

const plan = { id: 'plan-cr', status: 'ADOPTED', stakeholders: [{ id: 'canatur' }, { id: 'cr-panel' }] };
const youthHere = { participantId: 'p1', roles: [{ role: 'YOUTH', scope: 'cr-panel' }] };
const youthElsewhere = { participantId: 'p2', roles: [{ role: 'YOUTH', scope: 'world-panel' }] };
const analyst = { participantId: 'p3', roles: [] };
const monitor = { participantId: 'p4', roles: [{ role: 'MONITOR', scope: 'plan-cr' }] };

describe('what the app offers each reader', () => {
  it('offers the comment form to youth of a panel the plan admitted, to adults, and never on a closed plan or to anonymous readers', () => {
    expect(mayComment(youthHere, plan)).toBe(true);
    expect(mayComment(youthElsewhere, plan)).toBe(false);
    expect(mayComment(analyst, plan)).toBe(true);
    expect(mayComment(null, plan)).toBe(false);
    expect(mayComment(youthHere, { ...plan, status: 'CLOSED' })).toBe(false);
  });

  it('offers flagging to participants of the plan only, on visible comments of others', () => {
    expect(takesPart(monitor, plan)).toBe(true);
    expect(takesPart(youthHere, plan)).toBe(true);
    expect(takesPart(youthElsewhere, plan)).toBe(false);
    expect(takesPart(analyst, plan)).toBe(false);
    expect(mayFlag(youthHere, plan, { status: 'VISIBLE', mine: false })).toBe(true);
    expect(mayFlag(youthHere, plan, { status: 'VISIBLE', mine: true })).toBe(false);
    expect(mayFlag(youthHere, plan, { status: 'PENDING', mine: false })).toBe(false);
    expect(mayFlag(youthElsewhere, plan, { status: 'VISIBLE', mine: false })).toBe(false);
    expect(mayFlag({ participantId: 'a', roles: [{ role: 'ADMIN', scope: null }] }, plan, { status: 'VISIBLE', mine: false })).toBe(true);
  });
});

describe('a coordinator’s to-do', () => {
  it('lists the periods that have ended and are not closed', () => {
    const periods = [
      { id: '2011', end: '2011-12-31', closed: true },
      { id: '2012', end: '2012-12-31', closed: false },
      { id: '2013', end: '2013-12-31', closed: false },
    ];
    expect(periodsToClose(periods, '2013-06-01').map((p) => p.id)).toEqual(['2012']);
    expect(periodsToClose(periods, '2013-12-31').map((p) => p.id)).toEqual(['2012']);
    expect(periodsToClose(periods, '2014-01-01').map((p) => p.id)).toEqual(['2012', '2013']);
  });

  it('offers the stakeholders not yet admitted, by name', () => {
    expect(notYetAdmitted([{ id: 'b', name: 'Beta' }, { id: 'a', name: 'Alpha' }, { id: 'c', name: 'Gamma' }], [{ id: 'c' }]).map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('figures behind the dashboard', () => {
  it('lists each missing report with its period, stakeholder and commitment, latest period first', () => {
    const stakeholders = [
      { id: 's1', name: 'ICT', scorecard: { compliance: [{ period: '2011', missing: [{ commitment: { id: 'c1', title: 'Fund the Code' } }] }, { period: '2012', missing: [{ commitment: { id: 'c1', title: 'Fund the Code' } }] }] } },
      { id: 's2', name: 'CANATUR', scorecard: { compliance: [{ period: '2011', missing: [] }] } },
    ];
    expect(missingReports(stakeholders)).toEqual([
      { period: '2012', stakeholder: 'ICT', commitmentId: 'c1', commitment: 'Fund the Code' },
      { period: '2011', stakeholder: 'ICT', commitmentId: 'c1', commitment: 'Fund the Code' },
    ]);
  });

  it('counts a commitment at risk once across groups', () => {
    const item = { commitment: { id: 'c1' }, expectedPercent: 80, reportedPercent: null };
    expect(uniqueAtRisk([{ figures: { atRiskCommitments: [item] } }, { figures: { atRiskCommitments: [item] } }])).toEqual([item]);
  });

  it('finds the standing reports waiting for a verdict', () => {
    const commitments = [
      {
        id: 'c1',
        progressReports: [
          { id: 'r1', period: '2011', verification: 'UNVERIFIED', supersededBy: 'r2' },
          { id: 'r2', period: '2011', verification: 'UNVERIFIED', supersededBy: null },
          { id: 'r3', period: '2010', verification: 'VERIFIED', supersededBy: null },
        ],
      },
    ];
    expect(waitingForVerdict(commitments).map((w) => w.report.id)).toEqual(['r2']);
  });

  it('says today in the reader’s calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
