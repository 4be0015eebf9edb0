import { describe, expect, it } from 'vitest';
import {
  adoption,
  focalPointOfAdmitted,
  isAreaCode,
  localToday,
  mayComment,
  mayFlag,
  missingReports,
  notYetAdmitted,
  parseDecimal,
  periodsToClose,
  takesPart,
  uniqueAtRisk,
  waitingForVerdict,
} from './jobs';

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
    expect(
      notYetAdmitted(
        [
          { id: 'b', name: 'Beta' },
          { id: 'a', name: 'Alpha' },
          { id: 'c', name: 'Gamma' },
        ],
        [{ id: 'c' }],
      ).map((s) => s.id),
    ).toEqual(['a', 'b']);
  });
});

describe('figures behind the dashboard', () => {
  it('lists each missing report with its period, stakeholder and commitment, latest period first', () => {
    const stakeholders = [
      {
        id: 's1',
        name: 'ICT',
        scorecard: {
          compliance: [
            { period: '2011', missing: [{ commitment: { id: 'c1', title: 'Fund the Code' } }] },
            { period: '2012', missing: [{ commitment: { id: 'c1', title: 'Fund the Code' } }] },
          ],
        },
      },
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

describe('the plan jobs of a focal point and a coordinator', () => {
  const admitted = [
    { id: 'canatur', name: 'CANATUR' },
    { id: 'ict', name: 'ICT' },
    { id: 'paniamor', name: 'Paniamor' },
  ];

  it('offers a commitment for the admitted stakeholders the viewer is a focal point of, never for others, nor to an admin or anonymous reader', () => {
    const focal = {
      participantId: 'f',
      roles: [
        { role: 'FOCAL_POINT', scope: 'ict' },
        { role: 'FOCAL_POINT', scope: 'elsewhere' },
        { role: 'MONITOR', scope: 'canatur' },
      ],
    };
    expect(focalPointOfAdmitted(focal, admitted)).toEqual([{ id: 'ict', name: 'ICT' }]);
    expect(focalPointOfAdmitted({ participantId: 'g', roles: [{ role: 'FOCAL_POINT', scope: 'elsewhere' }] }, admitted)).toEqual([]);
    expect(focalPointOfAdmitted({ participantId: 'a', roles: [{ role: 'ADMIN', scope: null }] }, admitted)).toEqual([]);
    expect(focalPointOfAdmitted(null, admitted)).toEqual([]);
    expect(focalPointOfAdmitted({ participantId: null, roles: [{ role: 'FOCAL_POINT', scope: 'ict' }] }, admitted)).toEqual([]);
  });

  it('says what a plan needs before adoption: a draft with an area is ready, without one needs an area; adopted and closed plans have nothing to adopt', () => {
    expect(adoption({ status: 'DRAFT', thematicAreas: [] })).toBe('NEEDS_AREA');
    expect(adoption({ status: 'DRAFT', thematicAreas: [{ code: 'PREV' }] })).toBe('READY');
    expect(adoption({ status: 'ADOPTED', thematicAreas: [{ code: 'PREV' }] })).toBe('ADOPTED');
    expect(adoption({ status: 'CLOSED', thematicAreas: [] })).toBe('CLOSED');
  });

  it('accepts the thematic area codes the api accepts', () => {
    for (const code of ['PREV', '2.i', 'a-b_c', 'X', 'A2345678901234567890']) expect(isAreaCode(code)).toBe(true);
    for (const code of ['', '.x', 'two words', 'A23456789012345678901', 'é']) expect(isAreaCode(code)).toBe(false);
  });

  it('reads numbers typed with a decimal point or comma, and nothing else', () => {
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal(' 0,5 ')).toBe(0.5);
    expect(parseDecimal('-3.25')).toBe(-3.25);
    expect(parseDecimal('1 000')).toBe(1000);
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('12a')).toBeUndefined();
    expect(parseDecimal('1,2,3')).toBeUndefined();
  });
});
