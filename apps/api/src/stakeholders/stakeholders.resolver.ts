import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { registerStakeholder, type StakeholderView } from '#application';
import { UseCases } from '../graphql/use-cases.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { RegisterStakeholderInputDto } from './stakeholders.inputs.js';
import { toConnection } from '../read-models/connection.js';
import { carried, catalogueOf } from '../read-models/as-of.js';
import { Consistency, pageSize } from '../read-models/consistency.js';
import { PlanAccess } from '../read-models/plan-access.js';

@Resolver('Stakeholder')
export class StakeholdersResolver {
  constructor(
    @Inject(UseCases) private readonly useCases: UseCases,
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  @Query('stakeholders')
  async stakeholders(
    @Args('kind') kind: string | null,
    @Args('sector') sector: string | null,
    @Args('country') country: string | null,
    @Args('first') first: number,
    @Args('after') after: string | null,
    @Args('consistentAfter') consistentAfter: bigint | null,
  ) {
    await this.consistency.after(consistentAfter);
    return toConnection(
      this.consistency.reader.stakeholders({ kind, sector, country }, { first: pageSize(first, 20), after: after ?? null }),
    );
  }

  @Query('stakeholder')
  async stakeholder(@Args('id') id: string, @Args('consistentAfter') consistentAfter: bigint | null): Promise<StakeholderView | null> {
    await this.consistency.after(consistentAfter);
    return this.consistency.reader.stakeholdersByIds([id])[0] ?? null;
  }

  /** Its commitments in the plans the reader may see (as they stood on its day, under `asOf`). */
  @ResolveField('commitments')
  commitments(
    @Parent() stakeholder: StakeholderView,
    @Args() args: { first?: number; after?: string | null; status?: string | null },
    @Context() context: GraphQLContext,
  ) {
    const connection = toConnection(
      catalogueOf(stakeholder, this.consistency.reader).commitments(
        { ownerId: stakeholder.id, status: args.status, drafts: this.access.drafts(context) },
        { first: pageSize(args.first, 50), after: args.after ?? null },
      ),
    );
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: carried(stakeholder, edge.node) })) };
  }

  @Mutation('registerStakeholder')
  async registerStakeholder(@Args('input') input: RegisterStakeholderInputDto, @Context() context: GraphQLContext) {
    const { name, kind, sector, country } = input;
    const result = await this.useCases.run(registerStakeholder, { name, kind, sector, country }, context, input);
    return this.consistency.answer(result, 'stakeholder', (id) => this.consistency.reader.stakeholdersByIds([id])[0]);
  }
}
