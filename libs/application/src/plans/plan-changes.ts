import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '#eventstore';
import { authorize } from '../authorization/authorize.js';
import type { CommandContext } from '../kernel/command-context.js';
import type { EntityResult } from '../kernel/run-command.js';
import type { GrantsReader } from '../participants/read-model/participant-views.js';
import { NotFoundError } from '../errors.js';
import { currentStakeholder } from '../stakeholders/stakeholder-command.js';
import { EVENT_STORE, GRANTS } from '../tokens.js';
import { runPlanCommand } from './plan-command.js';

/** A coordinator's change to their plan: define a thematic area, adopt, close or admit a stakeholder. */
export type PlanChange =
  | { readonly type: 'DefineThematicArea'; readonly code: string; readonly title: string }
  | { readonly type: 'AdoptPlan' }
  | { readonly type: 'ClosePlan'; readonly reason: string | null }
  | { readonly type: 'AdmitStakeholder'; readonly stakeholderId: string }
  | { readonly type: 'CloseReportingPeriod'; readonly period: string };

const ACTIONS: Record<PlanChange['type'], string> = {
  DefineThematicArea: 'define thematic areas of this plan',
  AdoptPlan: 'adopt this plan',
  ClosePlan: 'close this plan',
  AdmitStakeholder: 'admit stakeholders to this plan',
  CloseReportingPeriod: 'close reporting periods of this plan',
};

export class ChangePlanCommand extends Command<EntityResult> {
  constructor(
    readonly planId: string,
    readonly change: PlanChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangePlanCommand)
export class ChangePlanHandler implements ICommandHandler<ChangePlanCommand, EntityResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(GRANTS) private readonly grants: GrantsReader,
  ) {}

  async execute({ planId, change, context }: ChangePlanCommand): Promise<EntityResult> {
    authorize(this.grants, context, [{ role: 'COORDINATOR', scope: planId }], ACTIONS[change.type]);
    if (change.type === 'AdmitStakeholder' && (await currentStakeholder(this.store, change.stakeholderId)).status === 'none') {
      throw new NotFoundError('There is no such stakeholder; register it first.');
    }
    return runPlanCommand(this.store, planId, change, context);
  }
}
