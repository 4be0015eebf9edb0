import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  adoptPlan,
  admitStakeholder,
  closePlan,
  closeReportingPeriod,
  defineThematicArea,
  draftPlan,
  type EntityResult,
  type PlanView,
} from '#application';
import { UseCases } from '../graphql/use-cases.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { loadersFor } from '../read-models/catalogue-loaders.js';
import {
  AdmitStakeholderInputDto,
  ClosePlanInputDto,
  CloseReportingPeriodInputDto,
  DefineThematicAreaInputDto,
  DraftPlanInputDto,
  PlanLifecycleInputDto,
} from './plans.inputs.js';
import { toConnection } from '../read-models/connection.js';
import { Consistency, pageSize } from '../read-models/consistency.js';
import { carried, catalogueOf } from '../read-models/as-of.js';
import { PlanAccess } from '../read-models/plan-access.js';

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
    @Inject(UseCases) private readonly useCases: UseCases,
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
    return toConnection(
      this.consistency.reader.plans(
        { country, status, drafts: this.access.drafts(context) },
        { first: pageSize(first, 20), after: after ?? null },
      ),
    );
  }

  @Query('plan')
  async plan(
    @Args('id') id: string,
    @Args('consistentAfter') consistentAfter: bigint | null,
    @Context() context: GraphQLContext,
  ): Promise<PlanView | null> {
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
    const fields = {
      country,
      title,
      periodStart,
      periodEnd,
      defaultDeadline: defaultDeadline ?? null,
      reportingCycle: reportingCycle ?? null,
    };
    return this.payload(await this.useCases.run(draftPlan, fields, context, input));
  }

  @Mutation('defineThematicArea')
  async defineThematicArea(@Args('input') input: DefineThematicAreaInputDto, @Context() context: GraphQLContext) {
    return this.payload(
      await this.useCases.run(defineThematicArea, { planId: input.planId, code: input.code, title: input.title }, context, input),
    );
  }

  @Mutation('adoptPlan')
  async adoptPlan(@Args('input') input: PlanLifecycleInputDto, @Context() context: GraphQLContext) {
    return this.payload(await this.useCases.run(adoptPlan, { planId: input.planId }, context, input));
  }

  @Mutation('closePlan')
  async closePlan(@Args('input') input: ClosePlanInputDto, @Context() context: GraphQLContext) {
    return this.payload(await this.useCases.run(closePlan, { planId: input.planId, reason: input.reason ?? null }, context, input));
  }

  @Mutation('admitStakeholder')
  async admitStakeholder(@Args('input') input: AdmitStakeholderInputDto, @Context() context: GraphQLContext) {
    return this.payload(
      await this.useCases.run(admitStakeholder, { planId: input.planId, stakeholderId: input.stakeholderId }, context, input),
    );
  }

  @Mutation('closeReportingPeriod')
  async closeReportingPeriod(@Args('input') input: CloseReportingPeriodInputDto, @Context() context: GraphQLContext) {
    return this.payload(await this.useCases.run(closeReportingPeriod, { planId: input.planId, period: input.period }, context, input));
  }

  private payload(result: EntityResult) {
    return this.consistency.answer(result, 'plan', (id) => this.consistency.reader.plansByIds([id])[0]);
  }
}
