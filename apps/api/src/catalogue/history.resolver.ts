import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { auditTrail, EVENT_STORE } from '#application';
import type { EventStore } from '#eventstore';
import { Consistency } from './consistency.js';

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

@Resolver('HistoryEntry')
export class HistoryResolver {
  constructor(
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Read from the entity's streams (always current); `consistentAfter` still waits for the actors' display names. */
  @Query('history')
  async history(@Args('id') id: string, @Args('consistentAfter') consistentAfter: bigint | null) {
    await this.consistency.after(consistentAfter);
    const { reader } = this.consistency;
    const entries = await auditTrail(this.store, (subjects) => reader.displayNames(subjects), id);
    return entries.map((entry) => ({
      ...entry,
      changes: entry.changes.map((change) => ({ field: change.field, from: json(change.from), to: json(change.to) })),
    }));
  }
}
