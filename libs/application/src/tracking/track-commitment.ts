import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Assignee, participantDecider, participantStream, type ProgressReportContent } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize, type RequiredRole } from '../authorization/authorize.js';
import { currentCommitment, runCommitmentCommand } from '../commitments/commitment-command.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { currentState } from '../kernel/current-state.js';
import type { CommandContext } from '../kernel/command-context.js';
import { newEntityId } from '../kernel/entity-id.js';
import type { EntityResult } from '../kernel/run-command.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { currentPlan } from '../plans/plan-command.js';
import { currentStakeholder } from '../stakeholders/stakeholder-command.js';
import { EVENT_STORE, GRANTS } from '../tokens.js';

/** A change to what tracks a commitment, as the api receives it (ids of new items are derived by the handler). */
export type TrackingChange =
  | { readonly type: 'ScheduleMilestone'; readonly title: string; readonly dueDate: string }
  | { readonly type: 'RescheduleMilestone'; readonly milestoneId: string; readonly dueDate: string; readonly reason: string }
  | { readonly type: 'CompleteMilestone'; readonly milestoneId: string; readonly completedOn: string | null }
  | { readonly type: 'ReopenMilestone'; readonly milestoneId: string; readonly reason: string }
  | { readonly type: 'AddTask'; readonly title: string; readonly dueDate: string }
  | { readonly type: 'AssignTask'; readonly taskId: string; readonly assignee: Assignee }
  | { readonly type: 'CompleteTask'; readonly taskId: string; readonly completedOn: string | null }
  | { readonly type: 'ReopenTask'; readonly taskId: string; readonly reason: string }
  | (ProgressReportContent & { readonly type: 'ReportProgress'; readonly corrects: string | null })
  | { readonly type: 'VerifyProgressReport'; readonly reportId: string; readonly note: string | null }
  | { readonly type: 'DisputeProgressReport'; readonly reportId: string; readonly reason: string };

/** What a tracking command answers: the commitment's version and position, and the item it concerns. */
export interface TrackingResult extends EntityResult {
  readonly itemId: string;
}

export class TrackCommitmentCommand extends Command<TrackingResult> {
  constructor(
    readonly commitmentId: string,
    readonly change: TrackingChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

const JUDGING = new Set<TrackingChange['type']>(['VerifyProgressReport', 'DisputeProgressReport']);
/** What the focal points of a co-owner may do on the commitment (DOMAIN.md); the rest is the owner's alone. */
const CO_OWNED = new Set<TrackingChange['type']>(['AddTask', 'CompleteTask', 'ReportProgress']);

const action = (type: string): string => `${type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} on this commitment`;

/**
 * The owner's focal points track a commitment (milestones, tasks, progress reports), and a co-owner's focal points
 * add and complete tasks and report progress; the plan's monitors verify or dispute its reports — never those of a
 * stakeholder they are a focal point of. Every such refusal is FORBIDDEN.
 */
@CommandHandler(TrackCommitmentCommand)
export class TrackCommitmentHandler implements ICommandHandler<TrackCommitmentCommand, TrackingResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ commitmentId, change, context }: TrackCommitmentCommand): Promise<TrackingResult> {
    const commitment = await currentCommitment(this.store, commitmentId);
    if (commitment.status === 'none') throw new NotFoundError('There is no such commitment.');
    const focalPoints = (CO_OWNED.has(change.type) ? [commitment.ownerId, ...commitment.coOwnerIds] : [commitment.ownerId]).map(
      (scope): RequiredRole => ({ role: 'FOCAL_POINT', scope }),
    );
    const judging = JUDGING.has(change.type);
    authorize(this.grants, context, judging ? [{ role: 'MONITOR', scope: commitment.planId }] : focalPoints, action(change.type));
    if (judging && !context.asOperator && this.grants.rolesOf(context.actor).some((grant) => grant.role === 'FOCAL_POINT' && grant.scope === commitment.ownerId)) {
      throw new ForbiddenError('A monitor may not judge a report of a stakeholder they are a focal point of.');
    }
    if (change.type === 'AssignTask') await this.requireAssignee(change.assignee);
    const newId = newEntityId(context, change.type, commitmentId);
    const plan = await currentPlan(this.store, commitment.planId);
    const [command, itemId] = ((): [Parameters<typeof runCommitmentCommand>[2], string] => {
      switch (change.type) {
        case 'ScheduleMilestone':
          return [{ ...change, milestoneId: newId, plan }, newId];
        case 'AddTask':
          return [{ ...change, taskId: newId, plan }, newId];
        case 'ReportProgress':
          return [{ ...change, reportId: newId, plan }, newId];
        case 'VerifyProgressReport':
        case 'DisputeProgressReport':
          return [{ ...change, monitor: context.actor, plan }, change.reportId];
        case 'RescheduleMilestone':
        case 'CompleteMilestone':
        case 'ReopenMilestone':
          return [{ ...change, plan }, change.milestoneId];
        case 'AssignTask':
        case 'CompleteTask':
        case 'ReopenTask':
          return [{ ...change, plan }, change.taskId];
      }
    })();
    return { ...(await runCommitmentCommand(this.store, commitmentId, command, context)), itemId };
  }

  /** A task is assigned to a registered participant or stakeholder. */
  private async requireAssignee(assignee: Assignee): Promise<void> {
    const exists =
      assignee.kind === 'STAKEHOLDER'
        ? (await currentStakeholder(this.store, assignee.id)).status !== 'none'
        : (await currentState(this.store, participantStream(assignee.id), participantDecider)).status !== 'unregistered';
    if (!exists) throw new NotFoundError(`There is no ${assignee.kind.toLowerCase()} ${assignee.id} to assign the task to.`);
  }
}
