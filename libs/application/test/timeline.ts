import type { RecordedEvent } from '#eventstore';
import type { AgeBand, Assignee, CommitmentChanges, CommitmentMade, PlanDrafted, ProgressReported, StakeholderRegistered } from '#domain';

type Data = Record<string, unknown>;

/**
 * A log written by hand, for given/when/then specs of the projections: each event gets the next global position, the
 * next revision of its stream and noon (UTC) of the current day, which `on(day)` moves. The builders take the ids that
 * matter and default the rest to plausible values.
 */
export class Timeline {
  private position = 0n;
  private readonly revisions = new Map<string, bigint>();
  private today = '2026-01-05';

  /** The day the next events happen on (YYYY-MM-DD). */
  on(day: string): this {
    this.today = day;
    return this;
  }

  /** Any event, on a stream, with extra metadata when given. */
  event(stream: string, type: string, data: Data, metadata: Data = {}): RecordedEvent {
    const revision = (this.revisions.get(stream) ?? -1n) + 1n;
    this.revisions.set(stream, revision);
    this.position += 1n;
    return {
      id: `00000000-0000-4000-8000-${this.position.toString().padStart(12, '0')}`,
      stream,
      revision,
      position: this.position,
      type,
      data,
      metadata: {
        correlationId: `correlation-${this.position}`,
        actor: 'cli:test',
        occurredAt: `${this.today}T12:00:00.000Z`,
        schemaVersion: 1,
        ...metadata,
      },
    };
  }

  // Plans
  planDrafted(planId: string, data: Partial<PlanDrafted['data']> = {}): RecordedEvent {
    const drafted = {
      country: 'CR',
      title: `Plan ${planId}`,
      periodStart: '2026-01-01',
      periodEnd: '2028-12-31',
      defaultDeadline: '2028-12-31',
      reportingCycle: 'ANNUAL',
      ...data,
    };
    return this.event(`plan-${planId}`, 'PlanDrafted', { planId, ...drafted });
  }
  thematicAreaDefined(planId: string, code: string, title = `Area ${code}`): RecordedEvent {
    return this.event(`plan-${planId}`, 'ThematicAreaDefined', { planId, code, title });
  }
  stakeholderAdmitted(planId: string, stakeholderId: string): RecordedEvent {
    return this.event(`plan-${planId}`, 'StakeholderAdmitted', { planId, stakeholderId });
  }
  planAdopted(planId: string, adoptedOn = this.today): RecordedEvent {
    return this.event(`plan-${planId}`, 'PlanAdopted', { planId, adoptedOn });
  }
  planClosed(planId: string, closedOn = this.today, reason: string | null = null): RecordedEvent {
    return this.event(`plan-${planId}`, 'PlanClosed', { planId, closedOn, reason });
  }
  reportingPeriodClosed(planId: string, period: string, closedOn = this.today): RecordedEvent {
    return this.event(`plan-${planId}`, 'ReportingPeriodClosed', { planId, period, closedOn });
  }

  // Stakeholders
  stakeholderRegistered(stakeholderId: string, data: Partial<StakeholderRegistered['data']> = {}): RecordedEvent {
    const registered = { name: `Stakeholder ${stakeholderId}`, kind: 'GOVERNMENT', sector: 'justice', country: 'CR', ...data };
    return this.event(`stakeholder-${stakeholderId}`, 'StakeholderRegistered', { stakeholderId, ...registered });
  }

  // Commitments
  commitmentMade(
    commitmentId: string,
    planId: string,
    data: Partial<Omit<CommitmentMade['data'], 'commitmentId' | 'planId'>> = {},
  ): RecordedEvent {
    const made = {
      thematicAreaCode: 'PREV',
      ownerId: 'owner-1',
      coOwnerIds: [],
      title: `Commitment ${commitmentId}`,
      description: 'What is to be done',
      sourceReference: null,
      target: { indicator: 'people trained', unit: 'people', baseline: 0, targetValue: 100 },
      dueDate: '2027-12-31',
      dueDateInherited: false,
      ...data,
    };
    return this.event(`commitment-${commitmentId}`, 'CommitmentMade', { commitmentId, planId, ...made });
  }
  commitmentActivated(commitmentId: string, activatedOn = this.today): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'CommitmentActivated', { commitmentId, activatedOn });
  }
  commitmentRevised(commitmentId: string, changes: CommitmentChanges, previous: CommitmentChanges, reason = 'revised'): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'CommitmentRevised', { commitmentId, changes, previous, reason });
  }
  commitmentWithdrawn(commitmentId: string, reason = 'no longer funded', withdrawnOn = this.today): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'CommitmentWithdrawn', { commitmentId, withdrawnOn, reason });
  }
  commitmentCompleted(commitmentId: string, completedOn = this.today): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'CommitmentCompleted', { commitmentId, completedOn });
  }

  // Tracking, on the commitment's stream
  milestoneScheduled(commitmentId: string, milestoneId: string, dueDate: string, title = `Milestone ${milestoneId}`): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'MilestoneScheduled', { commitmentId, milestoneId, title, dueDate });
  }
  milestoneRescheduled(commitmentId: string, milestoneId: string, from: string, to: string, reason = 'moved'): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'MilestoneRescheduled', { commitmentId, milestoneId, from, to, reason });
  }
  milestoneCompleted(commitmentId: string, milestoneId: string, completedOn = this.today): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'MilestoneCompleted', { commitmentId, milestoneId, completedOn });
  }
  milestoneReopened(commitmentId: string, milestoneId: string, reason = 'not done after all'): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'MilestoneReopened', { commitmentId, milestoneId, reason });
  }
  taskAdded(commitmentId: string, taskId: string, dueDate: string, title = `Task ${taskId}`): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'TaskAdded', { commitmentId, taskId, title, dueDate });
  }
  taskAssigned(commitmentId: string, taskId: string, assignee: Assignee): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'TaskAssigned', { commitmentId, taskId, assignee });
  }
  taskCompleted(commitmentId: string, taskId: string, completedOn = this.today): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'TaskCompleted', { commitmentId, taskId, completedOn });
  }
  taskReopened(commitmentId: string, taskId: string, reason = 'not done after all'): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'TaskReopened', { commitmentId, taskId, reason });
  }
  progressReported(
    commitmentId: string,
    reportId: string,
    data: Partial<Omit<ProgressReported['data'], 'commitmentId' | 'reportId'>> = {},
  ): RecordedEvent {
    const report = {
      period: '2026',
      percentComplete: 50,
      indicatorValue: null,
      narrative: 'Half way',
      visibility: 'PUBLIC',
      evidenceLinks: [],
      evidenceType: 'SELF_REPORTED',
      reportedOn: this.today,
      corrects: null,
      late: false,
      ...data,
    };
    return this.event(`commitment-${commitmentId}`, 'ProgressReported', { commitmentId, reportId, ...report });
  }
  progressReportVerified(commitmentId: string, reportId: string, monitor = 'monitor-1', note: string | null = null): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'ProgressReportVerified', { commitmentId, reportId, monitor, note });
  }
  progressReportDisputed(commitmentId: string, reportId: string, reason: string, monitor = 'monitor-1'): RecordedEvent {
    return this.event(`commitment-${commitmentId}`, 'ProgressReportDisputed', { commitmentId, reportId, monitor, reason });
  }

  // Discussions, on the milestone's stream
  commentPosted(
    milestoneId: string,
    commentId: string,
    data: { authorId?: string; ageBand?: AgeBand; text?: string; redactions?: number; status?: 'PENDING' | 'VISIBLE' } = {},
  ): RecordedEvent {
    const posted = { authorId: 'author-1', ageBand: 'ADULT', text: 'A comment', redactions: 0, status: 'VISIBLE', ...data };
    return this.event(`discussion-${milestoneId}`, 'CommentPosted', { milestoneId, commentId, ...posted });
  }
  commentFlagged(milestoneId: string, commentId: string, by: string, reason: string | null = null): RecordedEvent {
    return this.event(`discussion-${milestoneId}`, 'CommentFlagged', { milestoneId, commentId, by, reason });
  }
  commentHeldForReview(milestoneId: string, commentId: string, flags: number): RecordedEvent {
    return this.event(`discussion-${milestoneId}`, 'CommentHeldForReview', { milestoneId, commentId, flags });
  }
  commentApproved(milestoneId: string, commentId: string, by = 'coordinator-1'): RecordedEvent {
    return this.event(`discussion-${milestoneId}`, 'CommentApproved', { milestoneId, commentId, by });
  }
  commentHidden(milestoneId: string, commentId: string, reason: string, by = 'coordinator-1'): RecordedEvent {
    return this.event(`discussion-${milestoneId}`, 'CommentHidden', { milestoneId, commentId, by, reason });
  }
  commentWithdrawn(milestoneId: string, commentId: string, by = 'author-1'): RecordedEvent {
    return this.event(`discussion-${milestoneId}`, 'CommentWithdrawn', { milestoneId, commentId, by });
  }
}
