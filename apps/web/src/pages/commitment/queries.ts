import { graphql } from '../../gql';
import type { CommitmentPageQuery } from '../../gql/graphql';

export const COMMITMENT = graphql(`
  query CommitmentPage($id: ID!) {
    commitment(id: $id) {
      id
      title
      description
      sourceReference
      status
      version
      dueDate
      dueDateInherited
      completedOn
      withdrawalReason
      plan {
        id
        title
        status
        reportingPeriods {
          id
          start
          end
          closed
        }
        stakeholders {
          id
          name
        }
      }
      owner {
        id
        name
        kind
      }
      coOwners {
        id
        name
      }
      thematicArea {
        code
        title
      }
      target {
        indicator
        unit
        baseline
        targetValue
      }
      milestones {
        id
        title
        dueDate
        originalDueDate
        moves
        daysMoved
        completedOn
        status
      }
      tasks {
        id
        title
        dueDate
        completedOn
        status
        assignee {
          kind
          id
        }
      }
      progressReports {
        id
        period
        percentComplete
        indicatorValue
        narrative
        visibility
        evidenceLinks
        evidenceType
        reportedOn
        late
        corrects
        supersededBy
        verification
        verificationNote
      }
    }
    history(id: $id) {
      position
      at
      type
      actor
      reason
      changes {
        field
        from
        to
      }
    }
  }
`);

/** What the api counts about the commitment in its plan's figures: at risk and why, and the reports it owes. */
export const STANDING = graphql(`
  query CommitmentStanding($planId: ID!, $ownerId: ID!) {
    plan(id: $planId) {
      id
      summary {
        byThematicAreaTracking {
          thematicArea {
            code
          }
          figures {
            atRiskCommitments {
              commitment {
                id
              }
              expectedPercent
              reportedPercent
            }
          }
        }
      }
    }
    stakeholder(id: $ownerId) {
      id
      scorecard(planId: $planId) {
        compliance {
          period
          missing {
            commitment {
              id
            }
          }
        }
      }
    }
  }
`);

export const REPORT = graphql(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const VERIFY = graphql(`
  mutation VerifyProgressReport($input: VerifyProgressReportInput!) {
    verifyProgressReport(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const DISPUTE = graphql(`
  mutation DisputeProgressReport($input: DisputeProgressReportInput!) {
    disputeProgressReport(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const SCHEDULE = graphql(`
  mutation ScheduleMilestone($input: ScheduleMilestoneInput!) {
    scheduleMilestone(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const RESCHEDULE = graphql(`
  mutation RescheduleMilestone($input: RescheduleMilestoneInput!) {
    rescheduleMilestone(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const COMPLETE_MILESTONE = graphql(`
  mutation CompleteMilestone($input: CompleteMilestoneInput!) {
    completeMilestone(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const REOPEN_MILESTONE = graphql(`
  mutation ReopenMilestone($input: ReopenMilestoneInput!) {
    reopenMilestone(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const ADD_TASK = graphql(`
  mutation AddTask($input: AddTaskInput!) {
    addTask(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const ASSIGN_TASK = graphql(`
  mutation AssignTask($input: AssignTaskInput!) {
    assignTask(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const COMPLETE_TASK = graphql(`
  mutation CompleteTask($input: CompleteTaskInput!) {
    completeTask(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const REOPEN_TASK = graphql(`
  mutation ReopenTask($input: ReopenTaskInput!) {
    reopenTask(input: $input) {
      itemId
      version
      position
    }
  }
`);
export const REVISE = graphql(`
  mutation ReviseCommitment($input: ReviseCommitmentInput!) {
    reviseCommitment(input: $input) {
      version
      position
    }
  }
`);
export const WITHDRAW = graphql(`
  mutation WithdrawCommitment($input: WithdrawCommitmentInput!) {
    withdrawCommitment(input: $input) {
      version
      position
    }
  }
`);
export const COMPLETE_COMMITMENT = graphql(`
  mutation CompleteCommitment($input: CompleteCommitmentInput!) {
    completeCommitment(input: $input) {
      version
      position
    }
  }
`);

export type Commitment = NonNullable<CommitmentPageQuery['commitment']>;
export type Report = Commitment['progressReports'][number];
export type HistoryRow = CommitmentPageQuery['history'][number];
