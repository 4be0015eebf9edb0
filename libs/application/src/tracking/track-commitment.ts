import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Assignee, ProgressReportContent } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize, type RequiredRole } from '../authorization/authorize.js';
import { currentCommitment, runCommitmentCommand } from '../commitments/commitment-command.js';
import { NotFoundError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import { newEntityId } from '../kernel/entity-id.js';
import type { EntityResult } from '../kernel/run-command.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { currentPlan } from '../plans/plan-command.js';
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

const JUDGING = new Set(['VerifyProgressReport', 'DisputeProgressReport']);

/**
 * The owner's focal points track a commitment (milestones, tasks, progress reports); the plan's monitors verify or
 * dispute its reports — never those of a stakeholder they are a focal point of (a domain rule, told whether it
 * applies).
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
    const judging = JUDGING.has(change.type);
    const required: RequiredRole = judging ? { role: 'MONITOR', scope: commitment.planId } : { role: 'FOCAL_POINT', scope: commitment.ownerId };
    authorize(this.grants, context, [required], `${change.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} on this commitment`);
    const newId = newEntityId(context.commandId);
    const monitorIsOwnerFocalPoint =
      judging &&
      !context.asOperator &&
      this.grants.rolesOf(context.actor).some((grant) => grant.role === 'FOCAL_POINT' && grant.scope === commitment.ownerId);
    const plan = await currentPlan(this.store, commitment.planId);
    const [command, itemId] = ((): [Parameters<typeof runCommitmentCommand>[2], string] => {
      switch (change.type) {
        case 'ScheduleMilestone':
          return [{ ...change, milestoneId: newId, plan }, newId];
        case 'RescheduleMilestone':
          return [{ ...change, plan }, change.milestoneId];
        case 'AddTask':
          return [{ ...change, taskId: newId }, newId];
        case 'ReportProgress':
          return [{ ...change, reportId: newId, plan }, newId];
        case 'VerifyProgressReport':
          return [{ ...change, monitor: context.actor, monitorIsOwnerFocalPoint }, change.reportId];
        case 'DisputeProgressReport':
          return [{ ...change, monitor: context.actor, monitorIsOwnerFocalPoint }, change.reportId];
        case 'CompleteMilestone':
        case 'ReopenMilestone':
          return [change, change.milestoneId];
        case 'AssignTask':
        case 'CompleteTask':
        case 'ReopenTask':
          return [change, change.taskId];
      }
    })();
    return { ...(await runCommitmentCommand(this.store, commitmentId, command, context)), itemId };
  }
}
