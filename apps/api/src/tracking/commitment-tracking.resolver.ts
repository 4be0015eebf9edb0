import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CLOCK, type Clock, type CommitmentView, type SqliteTrackingReader, TRACKING } from '#application';
import { deadlineStatus } from '#domain';
import { loadersFor } from '../read-models/catalogue-loaders.js';
import { Consistency } from '../read-models/consistency.js';
import { catalogueOf, todayOf, trackingOf } from '../read-models/as-of.js';
import { PlanAccess } from '../read-models/plan-access.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';
import { trackingLoadersFor } from './tracking-loaders.js';
import { atReaderLevel } from './visibility.js';

/** A commitment's milestones, tasks and progress reports (narratives, evidence links and notes at the reader's visibility level). */
@Resolver('Commitment')
export class CommitmentTrackingResolver {
  constructor(
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  private today(parent: object): string {
    return todayOf(parent, this.clock.now());
  }

  @ResolveField('milestones')
  async milestones(@Parent() commitment: CommitmentView, @Context() context: GraphQLContext) {
    const today = this.today(commitment);
    const rows = await trackingLoadersFor(context, trackingOf(commitment, this.tracking)).milestones.load(commitment.id);
    return rows.map((m) => ({ ...m, status: deadlineStatus(m.dueDate, m.completedOn, today) }));
  }

  @ResolveField('tasks')
  async tasks(@Parent() commitment: CommitmentView, @Context() context: GraphQLContext) {
    const today = this.today(commitment);
    const rows = await trackingLoadersFor(context, trackingOf(commitment, this.tracking)).tasks.load(commitment.id);
    return rows.map((t) => ({ ...t, status: deadlineStatus(t.dueDate, t.completedOn, today) }));
  }

  @ResolveField('progressReports')
  async progressReports(@Parent() commitment: CommitmentView, @Context() context: GraphQLContext) {
    const [reports, admitted] = await Promise.all([
      trackingLoadersFor(context, trackingOf(commitment, this.tracking)).reports.load(commitment.id),
      loadersFor(context, catalogueOf(commitment, this.consistency.reader)).admitted.load(commitment.planId),
    ]);
    const level = this.access.reportLevel(
      context,
      commitment,
      admitted.map((s) => s.id),
    );
    return reports.map((report) => atReaderLevel(report, level));
  }
}
