import { graphql } from '../../gql';

// The dashboard's queries, apart from its components: the app starts them as it starts (preload.ts), while the
// dashboard's own code is still on its way, and the dashboard then reads them with the same variables.

graphql(`
  fragment TrackingFiguresFields on TrackingFigures {
    commitmentsByStatus {
      status
      count
    }
    milestonesOnTime
    milestonesLate
    milestonesOverdue
    verifiedShare
    atRisk
  }
`);

graphql(`
  fragment DashboardPlanFields on ActionPlan {
    id
    title
    country
    status
    periodStart
    periodEnd
    thematicAreas {
      code
      title
    }
    summary {
      total
      byThematicAreaTracking {
        thematicArea {
          code
          title
        }
        figures {
          ...TrackingFiguresFields
        }
      }
      byOwnerKind {
        kind
        figures {
          ...TrackingFiguresFields
        }
      }
    }
  }
`);

export const DASHBOARD = graphql(`
  query PlanDashboard($planId: ID!) {
    plan(id: $planId) {
      ...DashboardPlanFields
    }
  }
`);

export const DASHBOARD_AS_OF = graphql(`
  query PlanDashboardAsOf($planId: ID!, $date: LocalDate!) {
    plan(id: $planId) {
      id
      asOf(date: $date) {
        ...DashboardPlanFields
      }
    }
  }
`);

export const DEADLINES = graphql(`
  query PlanDeadlines($planId: ID!, $asAt: LocalDate) {
    deadlines(planId: $planId, asAt: $asAt) {
      kind
      id
      title
      dueDate
      originalDueDate
      completedOn
      moves
      daysMoved
      status
      commitment {
        id
        title
        owner {
          id
          name
        }
      }
    }
  }
`);

export const COMMITMENTS = graphql(`
  query PlanCommitments($planId: ID!, $after: String, $thematicArea: String, $status: CommitmentStatus, $ownerKind: StakeholderKind) {
    plan(id: $planId) {
      id
      commitments(first: 20, after: $after, thematicArea: $thematicArea, status: $status, ownerKind: $ownerKind) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            title
            status
            dueDate
            thematicArea {
              code
            }
            owner {
              id
              name
              kind
            }
          }
        }
      }
    }
  }
`);

graphql(`
  fragment AccountabilityFields on ActionPlan {
    id
    summary {
      reports {
        owed
        onTime
      }
      byOwnerKind {
        kind
        figures {
          milestonesOverdue
          verifiedShare
          atRiskCommitments {
            commitment {
              id
              title
              owner {
                id
                name
              }
            }
            expectedPercent
            reportedPercent
          }
        }
      }
    }
    stakeholders {
      id
      name
      kind
      scorecard(planId: $planId) {
        made
        active
        completed
        withdrawn
        milestonesOnTime
        milestonesDue
        complianceRate
        compliance {
          period
          owed
          onTime
          late
          missing {
            commitment {
              id
              title
            }
          }
        }
      }
    }
  }
`);

export const ACCOUNTABILITY = graphql(`
  query PlanAccountability($planId: ID!) {
    plan(id: $planId) {
      ...AccountabilityFields
    }
  }
`);

export const ACCOUNTABILITY_AS_OF = graphql(`
  query PlanAccountabilityAsOf($planId: ID!, $date: LocalDate!) {
    plan(id: $planId) {
      id
      asOf(date: $date) {
        ...AccountabilityFields
      }
    }
  }
`);
