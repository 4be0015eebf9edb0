import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  activateCommitment,
  completeCommitment,
  type CommitmentView,
  type EntityResult,
  makeCommitment,
  reviseCommitment,
  withdrawCommitment,
} from '#application';
import { UseCases } from '../graphql/use-cases.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { loadersFor } from '../read-models/catalogue-loaders.js';
import {
  CommitmentLifecycleInputDto,
  CompleteCommitmentInputDto,
  MakeCommitmentInputDto,
  ReviseCommitmentInputDto,
  WithdrawCommitmentInputDto,
} from './commitments.inputs.js';
import { Consistency } from '../read-models/consistency.js';
import { carried, catalogueOf } from '../read-models/as-of.js';
import { PlanAccess } from '../read-models/plan-access.js';

/** Only the fields a revision names (null clears the source reference; absent leaves a field as it is). */
function revision(input: ReviseCommitmentInputDto) {
  return {
    ...(input.title != null ? { title: input.title } : {}),
    ...(input.description != null ? { description: input.description } : {}),
    ...(input.sourceReference !== undefined ? { sourceReference: input.sourceReference } : {}),
    ...(input.target != null ? { target: { ...input.target } } : {}),
    ...(input.dueDate != null ? { dueDate: input.dueDate } : {}),
    ...(input.coOwnerIds != null ? { coOwnerIds: input.coOwnerIds } : {}),
  };
}

@Resolver('Commitment')
export class CommitmentsResolver {
  constructor(
    @Inject(UseCases) private readonly useCases: UseCases,
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  @Query('commitment')
  async commitment(
    @Args('id') id: string,
    @Args('consistentAfter') consistentAfter: bigint | null,
    @Context() context: GraphQLContext,
  ): Promise<CommitmentView | null> {
    await this.consistency.after(consistentAfter);
    const commitment = this.consistency.reader.commitmentsByIds([id])[0];
    return commitment && this.access.mayReadPlan(context, commitment.planId) ? commitment : null;
  }

  @ResolveField('plan')
  async plan(@Parent() commitment: CommitmentView, @Context() context: GraphQLContext) {
    const plan = await loadersFor(context, catalogueOf(commitment, this.consistency.reader)).plan.load(commitment.planId);
    return plan && carried(commitment, plan);
  }

  @ResolveField('thematicArea')
  async thematicArea(@Parent() commitment: CommitmentView, @Context() context: GraphQLContext) {
    const areas = await loadersFor(context, catalogueOf(commitment, this.consistency.reader)).thematicAreas.load(commitment.planId);
    return (
      areas.find((area) => area.code === commitment.thematicAreaCode) ?? {
        code: commitment.thematicAreaCode,
        title: commitment.thematicAreaCode,
      }
    );
  }

  @ResolveField('owner')
  async owner(@Parent() commitment: CommitmentView, @Context() context: GraphQLContext) {
    const owner = await loadersFor(context, catalogueOf(commitment, this.consistency.reader)).stakeholder.load(commitment.ownerId);
    return owner && carried(commitment, owner);
  }

  @ResolveField('coOwners')
  async coOwners(@Parent() commitment: CommitmentView, @Context() context: GraphQLContext) {
    const found = await loadersFor(context, catalogueOf(commitment, this.consistency.reader)).stakeholder.loadMany([
      ...commitment.coOwnerIds,
    ]);
    return found.flatMap((stakeholder) => (stakeholder && !(stakeholder instanceof Error) ? [carried(commitment, stakeholder)] : []));
  }

  @Mutation('makeCommitment')
  async makeCommitment(@Args('input') input: MakeCommitmentInputDto, @Context() context: GraphQLContext) {
    const terms = {
      planId: input.planId,
      thematicAreaCode: input.thematicAreaCode,
      ownerId: input.ownerId,
      coOwnerIds: input.coOwnerIds ?? [],
      title: input.title,
      description: input.description,
      sourceReference: input.sourceReference ?? null,
      target: { ...input.target },
      dueDate: input.dueDate ?? null,
    };
    return this.payload(await this.useCases.run(makeCommitment, terms, context, input));
  }

  @Mutation('activateCommitment')
  async activateCommitment(@Args('input') input: CommitmentLifecycleInputDto, @Context() context: GraphQLContext) {
    return this.payload(await this.useCases.run(activateCommitment, { commitmentId: input.commitmentId }, context, input));
  }

  @Mutation('reviseCommitment')
  async reviseCommitment(@Args('input') input: ReviseCommitmentInputDto, @Context() context: GraphQLContext) {
    const revised = { commitmentId: input.commitmentId, changes: revision(input), reason: input.reason };
    return this.payload(await this.useCases.run(reviseCommitment, revised, context, input));
  }

  @Mutation('withdrawCommitment')
  async withdrawCommitment(@Args('input') input: WithdrawCommitmentInputDto, @Context() context: GraphQLContext) {
    return this.payload(
      await this.useCases.run(withdrawCommitment, { commitmentId: input.commitmentId, reason: input.reason }, context, input),
    );
  }

  @Mutation('completeCommitment')
  async completeCommitment(@Args('input') input: CompleteCommitmentInputDto, @Context() context: GraphQLContext) {
    const completed = { commitmentId: input.commitmentId, completedOn: input.completedOn ?? null };
    return this.payload(await this.useCases.run(completeCommitment, completed, context, input));
  }

  private payload(result: EntityResult) {
    return this.consistency.answer(result, 'commitment', (id) => this.consistency.reader.commitmentsByIds([id])[0]);
  }
}
