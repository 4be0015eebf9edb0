import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { MakeCommitment } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize } from '../authorization/authorize.js';
import type { CommandContext } from '../kernel/command-context.js';
import { newEntityId } from '../kernel/entity-id.js';
import type { EntityResult } from '../kernel/run-command.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { currentPlan } from '../plans/plan-command.js';
import { EVENT_STORE, GRANTS } from '../tokens.js';
import { runCommitmentCommand } from './commitment-command.js';

/** What a focal point gives: the domain command without the ids and plan the handler supplies. */
export type MakeCommitmentInput = Omit<MakeCommitment, 'type' | 'commitmentId' | 'plan'> & { readonly planId: string };

export class MakeCommitmentCommand extends Command<EntityResult> {
  constructor(
    readonly input: MakeCommitmentInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A focal point commits on behalf of their stakeholder. */
@CommandHandler(MakeCommitmentCommand)
export class MakeCommitmentHandler implements ICommandHandler<MakeCommitmentCommand, EntityResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ input, context }: MakeCommitmentCommand): Promise<EntityResult> {
    authorize(this.grants, context, [{ role: 'FOCAL_POINT', scope: input.ownerId }], 'make commitments for this stakeholder');
    const commitmentId = newEntityId(context, 'MakeCommitment', input.planId);
    const plan = await currentPlan(this.store, input.planId);
    return runCommitmentCommand(this.store, commitmentId, { type: 'MakeCommitment', commitmentId, plan, ...input }, context);
  }
}
