import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ChangePlanCommand, CLOCK, type Clock, DraftPlanCommand, type EntityResult, type PlanChange, type PlanView } from '#application';
import { commandContext } from '../graphql/command-context.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { loadersFor } from './catalogue-loaders.js';
import { AdmitStakeholderInputDto, ClosePlanInputDto, DefineThematicAreaInputDto, DraftPlanInputDto, PlanLifecycleInputDto } from './catalogue.inputs.js';
import { toConnection } from './connection.js';
import { Consistency, pageSize } from './consistency.js';
import { carried, catalogueOf } from './as-of.js';
import { PlanAccess } from './plan-access.js';

interface CommitmentArgs {
  first?: number;
  after?: string | null;
  thematicArea?: string | null;
  ownerId?: string | null;
  ownerKind?: string | null;
  status?: string | null;
}

@Resolver('ActionPlan')
export class PlansResolver {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  @Query('plans')
  async plans(
    @Args('country') country: string | null,
    @Args('status') status: string | null,
    @Args('first') first: number,
    @Args('after') after: string | null,
    @Args('consistentAfter') consistentAfter: bigint | null,
    @Context() context: GraphQLContext,
  ) {
    await this.consistency.after(consistentAfter);
    return toConnection(this.consistency.reader.plans({ country, status, drafts: this.access.drafts(context) }, { first: pageSize(first, 20), after: after ?? null }));
  }

  @Query('plan')
  async plan(@Args('id') id: string, @Args('consistentAfter') consistentAfter: bigint | null, @Context() context: GraphQLContext): Promise<PlanView | null> {
    await this.consistency.after(consistentAfter);
    const plan = this.consistency.reader.plansByIds([id])[0];
    return this.access.mayRead(context, plan) ? plan! : null;
  }

  @ResolveField('thematicAreas')
  thematicAreas(@Parent() plan: PlanView, @Context() context: GraphQLContext) {
    return loadersFor(context, catalogueOf(plan, this.consistency.reader)).thematicAreas.load(plan.id);
  }

  @ResolveField('stakeholders')
  async stakeholders(@Parent() plan: PlanView, @Context() context: GraphQLContext) {
    const admitted = await loadersFor(context, catalogueOf(plan, this.consistency.reader)).admitted.load(plan.id);
    return admitted.map((stakeholder) => carried(plan, stakeholder));
  }

  @ResolveField('commitments')
  commitments(@Parent() plan: PlanView, @Args() args: CommitmentArgs) {
    const connection = toConnection(
      catalogueOf(plan, this.consistency.reader).commitments(
        { planId: plan.id, thematicAreaCode: args.thematicArea, ownerId: args.ownerId, ownerKind: args.ownerKind, status: args.status },
        { first: pageSize(args.first, 50), after: args.after ?? null },
      ),
    );
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: carried(plan, edge.node) })) };
  }

  @ResolveField('summary')
  summary(@Parent() plan: PlanView) {
    const summary = catalogueOf(plan, this.consistency.reader).planSummary(plan.id);
    return carried(plan, {
      planId: plan.id,
      total: summary.total,
      byStatus: summary.byStatus,
      byThematicArea: summary.byThematicArea.map((row) => ({ thematicArea: { code: row.code, title: row.title }, count: row.count })),
    });
  }

  @Mutation('draftPlan')
  async draftPlan(@Args('input') input: DraftPlanInputDto, @Context() context: GraphQLContext) {
    const { country, title, periodStart, periodEnd, defaultDeadline, reportingCycle } = input;
    const result = await this.commands.execute(
      new DraftPlanCommand(
        { country, title, periodStart, periodEnd, defaultDeadline: defaultDeadline ?? null, reportingCycle: reportingCycle ?? null },
        commandContext(context, this.clock.now(), input),
      ),
    );
    return this.payload(result);
  }

  @Mutation('defineThematicArea')
  defineThematicArea(@Args('input') input: DefineThematicAreaInputDto, @Context() context: GraphQLContext) {
    return this.change(input.planId, { type: 'DefineThematicArea', code: input.code, title: input.title }, input, context);
  }

  @Mutation('adoptPlan')
  adoptPlan(@Args('input') input: PlanLifecycleInputDto, @Context() context: GraphQLContext) {
    return this.change(input.planId, { type: 'AdoptPlan' }, input, context);
  }

  @Mutation('closePlan')
  closePlan(@Args('input') input: ClosePlanInputDto, @Context() context: GraphQLContext) {
    return this.change(input.planId, { type: 'ClosePlan', reason: input.reason ?? null }, input, context);
  }

  @Mutation('admitStakeholder')
  admitStakeholder(@Args('input') input: AdmitStakeholderInputDto, @Context() context: GraphQLContext) {
    return this.change(input.planId, { type: 'AdmitStakeholder', stakeholderId: input.stakeholderId }, input, context);
  }

  private async change(planId: string, change: PlanChange, input: PlanLifecycleInputDto | DefineThematicAreaInputDto, context: GraphQLContext) {
    return this.payload(await this.commands.execute(new ChangePlanCommand(planId, change, commandContext(context, this.clock.now(), input))));
  }

  private payload(result: EntityResult) {
    return this.consistency.answer(result, 'plan', (id) => this.consistency.reader.plansByIds([id])[0]);
  }
}
