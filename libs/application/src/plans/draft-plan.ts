import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReportingCycle } from '#domain';
import type { EventStore } from '#eventstore';
import { authorize } from '../authorization/authorize.js';
import type { CommandContext } from '../kernel/command-context.js';
import { newEntityId } from '../kernel/entity-id.js';
import type { EntityResult } from '../kernel/run-command.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { EVENT_STORE, GRANTS } from '../tokens.js';
import { runPlanCommand } from './plan-command.js';

export interface DraftPlanInput {
  readonly country: string;
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly defaultDeadline: string | null;
  readonly reportingCycle: ReportingCycle | null;
}

export class DraftPlanCommand extends Command<EntityResult> {
  constructor(
    readonly input: DraftPlanInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Drafting a plan is an admin action (DOMAIN.md). */
@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler implements ICommandHandler<DraftPlanCommand, EntityResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ input, context }: DraftPlanCommand): Promise<EntityResult> {
    authorize(this.grants, context, [], 'draft a plan');
    const planId = newEntityId(context, 'DraftPlan');
    return runPlanCommand(this.store, planId, { type: 'DraftPlan', planId, ...input }, context);
  }
}
