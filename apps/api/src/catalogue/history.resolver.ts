import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Consistency } from './consistency.js';

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

@Resolver('HistoryEntry')
export class HistoryResolver {
  constructor(@Inject(Consistency) private readonly consistency: Consistency) {}

  @Query('history')
  async history(@Args('id') id: string, @Args('consistentAfter') consistentAfter: bigint | null) {
    await this.consistency.after(consistentAfter);
    return this.consistency.reader.history(id).map((entry) => ({
      ...entry,
      changes: entry.changes.map((change) => ({ field: change.field, from: json(change.from), to: json(change.to) })),
    }));
  }
}
