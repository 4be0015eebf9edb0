import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type StakeholderKind, stakeholderDecider, stakeholderStream } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize, holdsAnywhere } from '../authorization/authorize.js';
import type { CommandContext } from '../kernel/command-context.js';
import { newEntityId } from '../kernel/entity-id.js';
import { type EntityResult, runCommand } from '../kernel/run-command.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { EVENT_STORE, GRANTS } from '../tokens.js';

export interface RegisterStakeholderInput {
  readonly name: string;
  readonly kind: StakeholderKind;
  readonly sector: string;
  readonly country: string;
}

export class RegisterStakeholderCommand extends Command<EntityResult> {
  constructor(
    readonly input: RegisterStakeholderInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Admins register stakeholders; so may coordinators, for their plans (DOMAIN.md). */
@CommandHandler(RegisterStakeholderCommand)
export class RegisterStakeholderHandler implements ICommandHandler<RegisterStakeholderCommand, EntityResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ input, context }: RegisterStakeholderCommand): Promise<EntityResult> {
    if (!holdsAnywhere(this.grants, context, 'COORDINATOR')) authorize(this.grants, context, [], 'register stakeholders');
    const stakeholderId = newEntityId(context, 'RegisterStakeholder');
    return runCommand(stakeholderId, {
      store: this.store,
      stream: stakeholderStream(stakeholderId),
      decider: stakeholderDecider,
      command: { type: 'RegisterStakeholder', stakeholderId, ...input },
      context,
    });
  }
}
