import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommitmentChanges } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize, type RequiredRole } from '../authorization/authorize.js';
import { NotFoundError } from '../errors.js';
import type { CommandContext } from '../kernel/command-context.js';
import type { EntityResult } from '../kernel/run-command.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { currentPlan } from '../plans/plan-command.js';
import { EVENT_STORE, GRANTS } from '../tokens.js';
import { currentCommitment, runCommitmentCommand } from './commitment-command.js';

/** What happens to an existing commitment. */
export type CommitmentChange =
  | { readonly type: 'ActivateCommitment' }
  | { readonly type: 'ReviseCommitment'; readonly changes: CommitmentChanges; readonly reason: string }
  | { readonly type: 'WithdrawCommitment'; readonly reason: string }
  | { readonly type: 'CompleteCommitment'; readonly completedOn: string | null };

const ACTIONS: Record<CommitmentChange['type'], string> = {
  ActivateCommitment: 'activate this commitment',
  ReviseCommitment: 'revise this commitment',
  WithdrawCommitment: 'withdraw this commitment',
  CompleteCommitment: 'complete this commitment',
};

export class ChangeCommitmentCommand extends Command<EntityResult> {
  constructor(
    readonly commitmentId: string,
    readonly change: CommitmentChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The plan's coordinators activate; the owner's focal points revise, withdraw and complete. */
@CommandHandler(ChangeCommitmentCommand)
export class ChangeCommitmentHandler implements ICommandHandler<ChangeCommitmentCommand, EntityResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ commitmentId, change, context }: ChangeCommitmentCommand): Promise<EntityResult> {
    const current = await currentCommitment(this.store, commitmentId);
    if (current.status === 'none') throw new NotFoundError('There is no such commitment.');
    const required: RequiredRole =
      change.type === 'ActivateCommitment' ? { role: 'COORDINATOR', scope: current.planId } : { role: 'FOCAL_POINT', scope: current.ownerId };
    authorize(this.grants, context, [required], ACTIONS[change.type]);
    return runCommitmentCommand(this.store, commitmentId, { ...change, plan: await currentPlan(this.store, current.planId) }, context);
  }
}
