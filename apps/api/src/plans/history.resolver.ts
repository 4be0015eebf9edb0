import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { auditTrail, EVENT_STORE } from '#application';
import type { EventStore } from '#eventstore';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { mayRead } from '../tracking/visibility.js';
import { Consistency } from '../read-models/consistency.js';
import { PlanAccess } from '../read-models/plan-access.js';

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

@Resolver('HistoryEntry')
export class HistoryResolver {
  constructor(
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  /**
   * Read from the entity's streams (always current); `consistentAfter` still waits for the actors' display names. A
   * draft plan's history, and its commitments', read as empty to those who may not read the draft. A commitment's
   * progress reports show their evidence links and monitors' notes only to readers at the report's level.
   */
  @Query('history')
  async history(@Args('id') id: string, @Args('consistentAfter') consistentAfter: bigint | null, @Context() context: GraphQLContext) {
    await this.consistency.after(consistentAfter);
    const { reader } = this.consistency;
    const commitment = reader.commitmentsByIds([id])[0];
    const planId = reader.plansByIds([id])[0]?.id ?? commitment?.planId;
    if (planId !== undefined && !this.access.mayReadPlan(context, planId)) return [];
    const admitted = commitment ? reader.stakeholdersOf([commitment.planId]).map((row) => row.stakeholder.id) : [];
    const level = commitment ? this.access.reportLevel(context, commitment, admitted) : 'PUBLIC';
    const entries = await auditTrail(
      this.store,
      (actors) => reader.displayNames(actors),
      id,
      (visibility) => mayRead(level, visibility),
    );
    return entries.map((entry) => ({
      ...entry,
      changes: entry.changes.map((change) => ({ field: change.field, from: json(change.from), to: json(change.to) })),
    }));
  }
}
