import { describe, expect, it } from 'vitest';
import type { DocumentNode } from 'graphql';
import { createCache, mergeDeep } from './cache';
import {
  PlanAccountabilityDocument,
  PlanCommitmentsDocument,
  PlanDashboardDocument,
  PlanDeadlinesDocument,
  PlansDocument,
} from './gql/graphql';

const planId = 'plan-cr';
const owner = { __typename: 'Stakeholder', id: 'sh-gov', name: 'Government', kind: 'GOVERNMENT' };
const commitment = { __typename: 'Commitment', id: 'c-1', title: 'Train hotel staff' };
const figures = (overdue: number) => ({
  __typename: 'TrackingFigures',
  commitmentsByStatus: [{ __typename: 'StatusCount', status: 'ACTIVE', count: 2 }],
  milestonesOnTime: 3,
  milestonesLate: 1,
  milestonesOverdue: overdue,
  verifiedShare: 0.5,
  atRisk: 1,
});
const area = { __typename: 'ThematicArea', code: 'PREVENTION', title: 'Prevention' };

const dashboard = {
  plan: {
    __typename: 'ActionPlan',
    id: planId,
    title: 'Costa Rica',
    country: 'CR',
    status: 'ADOPTED',
    periodStart: '2010-01-01',
    periodEnd: '2013-12-31',
    thematicAreas: [area],
    summary: {
      __typename: 'PlanSummary',
      total: 2,
      byThematicAreaTracking: [{ __typename: 'ThematicAreaTracking', thematicArea: area, figures: figures(2) }],
      byOwnerKind: [
        { __typename: 'OwnerKindTracking', kind: 'GOVERNMENT', figures: figures(2) },
        { __typename: 'OwnerKindTracking', kind: 'NGO', figures: figures(0) },
      ],
    },
  },
};

const accountability = {
  plan: {
    __typename: 'ActionPlan',
    id: planId,
    summary: {
      __typename: 'PlanSummary',
      reports: { __typename: 'ReportCompliance', owed: 4, onTime: 3 },
      byOwnerKind: [
        {
          __typename: 'OwnerKindTracking',
          kind: 'GOVERNMENT',
          figures: {
            __typename: 'TrackingFigures',
            milestonesOverdue: 2,
            verifiedShare: 0.5,
            atRiskCommitments: [
              {
                __typename: 'AtRiskCommitment',
                commitment: { ...commitment, owner: { __typename: 'Stakeholder', id: owner.id, name: owner.name } },
                expectedPercent: 60,
                reportedPercent: null,
              },
            ],
          },
        },
        {
          __typename: 'OwnerKindTracking',
          kind: 'NGO',
          figures: { __typename: 'TrackingFigures', milestonesOverdue: 0, verifiedShare: 0.5, atRiskCommitments: [] },
        },
      ],
    },
    stakeholders: [
      {
        ...owner,
        scorecard: {
          __typename: 'Scorecard',
          made: 1,
          active: 1,
          completed: 0,
          withdrawn: 0,
          milestonesOnTime: 3,
          milestonesDue: 4,
          complianceRate: 0.75,
          compliance: [
            {
              __typename: 'PeriodCompliance',
              period: '2012',
              owed: 4,
              onTime: 3,
              late: 0,
              missing: [{ __typename: 'MissingReport', commitment }],
            },
          ],
        },
      },
    ],
  },
};

const deadlines = {
  deadlines: [
    {
      __typename: 'Deadline',
      kind: 'COMMITMENT',
      id: commitment.id,
      title: commitment.title,
      dueDate: '2013-06-30',
      originalDueDate: '2013-06-30',
      completedOn: null,
      moves: 0,
      daysMoved: 0,
      status: 'OVERDUE',
      commitment: { ...commitment, owner: { __typename: 'Stakeholder', id: owner.id, name: owner.name } },
    },
  ],
};

const commitments = {
  plan: {
    __typename: 'ActionPlan',
    id: planId,
    commitments: {
      __typename: 'CommitmentConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: [
        {
          __typename: 'CommitmentEdge',
          node: {
            ...commitment,
            status: 'ACTIVE',
            dueDate: '2013-06-30',
            thematicArea: { __typename: 'ThematicArea', code: area.code },
            owner,
          },
        },
      ],
    },
  },
};

const plans = {
  serverInfo: { __typename: 'ServerInfo', operator: 'ECPAT International' },
  plans: {
    __typename: 'ActionPlanConnection',
    totalCount: 1,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'cursor-1' },
    edges: [
      {
        __typename: 'ActionPlanEdge',
        cursor: 'cursor-1',
        node: {
          ...dashboard.plan,
          thematicAreas: undefined,
          summary: {
            __typename: 'PlanSummary',
            byOwnerKind: [
              { __typename: 'OwnerKindTracking', kind: 'GOVERNMENT', figures: { __typename: 'TrackingFigures', milestonesOverdue: 2 } },
              { __typename: 'OwnerKindTracking', kind: 'NGO', figures: { __typename: 'TrackingFigures', milestonesOverdue: 0 } },
            ],
            reports: { __typename: 'ReportCompliance', owed: 4, onTime: 3 },
          },
        },
      },
    ],
  },
};
delete (plans.plans.edges[0]!.node as { thematicAreas?: unknown }).thematicAreas;

interface Written {
  readonly name: string;
  readonly query: DocumentNode;
  readonly variables: Record<string, unknown>;
  readonly data: unknown;
}

const DASHBOARD: readonly Written[] = [
  { name: 'PlanDashboard', query: PlanDashboardDocument, variables: { planId }, data: dashboard },
  { name: 'PlanAccountability', query: PlanAccountabilityDocument, variables: { planId }, data: accountability },
  { name: 'PlanDeadlines', query: PlanDeadlinesDocument, variables: { planId, asAt: null }, data: deadlines },
  {
    name: 'PlanCommitments',
    query: PlanCommitmentsDocument,
    variables: { planId, thematicArea: null, status: null, ownerKind: null },
    data: commitments,
  },
  { name: 'Plans', query: PlansDocument, variables: { country: null, status: null, first: 20, after: null }, data: plans },
];

/**
 * A query whose answer the cache cannot give back whole after another query's answer was written goes to the api
 * again: on a page, every query that shares objects with another would go out twice.
 */
describe("the web app's cache", () => {
  for (const first of DASHBOARD) {
    for (const second of DASHBOARD) {
      if (first === second) continue;
      it(`still answers ${first.name} whole once ${second.name} was written after it`, () => {
        const cache = createCache();
        cache.writeQuery(first);
        cache.writeQuery(second);
        expect(cache.readQuery({ query: first.query, variables: first.variables })).toEqual(first.data);
        expect(cache.readQuery({ query: second.query, variables: second.variables })).toEqual(second.data);
      });
    }
  }

  it('merges the items of a list by their natural key and takes the list as it comes: new items added, gone ones dropped', () => {
    const existing = [
      { __typename: 'OwnerKindTracking', kind: 'GOVERNMENT', figures: { __typename: 'TrackingFigures', atRisk: 1 } },
      { __typename: 'OwnerKindTracking', kind: 'NGO', figures: { __typename: 'TrackingFigures', atRisk: 0 } },
    ];
    const incoming = [
      { __typename: 'OwnerKindTracking', kind: 'ACADEMIC', figures: { __typename: 'TrackingFigures', milestonesOverdue: 0 } },
      { __typename: 'OwnerKindTracking', kind: 'GOVERNMENT', figures: { __typename: 'TrackingFigures', milestonesOverdue: 3 } },
    ];
    expect(mergeDeep(existing, incoming)).toEqual([
      incoming[0],
      { __typename: 'OwnerKindTracking', kind: 'GOVERNMENT', figures: { __typename: 'TrackingFigures', atRisk: 1, milestonesOverdue: 3 } },
    ]);
  });

  it('replaces an object by another of a different key, and a list of things without a key', () => {
    expect(mergeDeep({ __typename: 'ThematicArea', code: 'A', title: 'Old' }, { __typename: 'ThematicArea', code: 'B' })).toEqual({
      __typename: 'ThematicArea',
      code: 'B',
    });
    expect(mergeDeep([{ __typename: 'RoleGrant', role: 'ADMIN' }], [{ __typename: 'RoleGrant', role: 'YOUTH' }])).toEqual([
      { __typename: 'RoleGrant', role: 'YOUTH' },
    ]);
    expect(mergeDeep({ __typename: 'Viewer', subject: 's' }, null)).toBeNull();
  });
});
