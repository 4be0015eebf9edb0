import { Inject } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type AtRiskView,
  CLOCK,
  type Clock,
  type PlanView,
  type SqliteTrackingReader,
  type StakeholderView,
  TRACKING,
  type TrackingGroup,
} from '#application';
import { reportingPeriods } from '#domain';
import { asOf, carried, carrying, catalogueOf, todayOf, trackingOf } from '../read-models/as-of.js';
import { loadersFor } from '../read-models/catalogue-loaders.js';
import { Consistency } from '../read-models/consistency.js';
import { PlanAccess } from '../read-models/plan-access.js';
import type { GraphQLContext } from '../graphql/viewer-context.js';

const figures = (summary: object, group: TrackingGroup) => ({
  commitmentsByStatus: group.commitmentsByStatus,
  milestonesOnTime: group.milestonesOnTime,
  milestonesLate: group.milestonesLate,
  milestonesOverdue: group.milestonesOverdue,
  verifiedShare: group.verifiedShare,
  atRisk: group.atRisk,
  /** Only when asked for: each carries the day of the summary, for its commitment. */
  get atRiskCommitments() {
    return group.atRiskCommitments.map((item) => carried(summary, item));
  },
});

@Resolver('ActionPlan')
export class PlanTrackingResolver {
  constructor(
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(Consistency) private readonly consistency: Consistency,
  ) {}

  @ResolveField('reportingPeriods')
  reportingPeriods(@Parent() plan: PlanView) {
    const closed = new Set(
      trackingOf(plan, this.tracking)
        .closedPeriods(plan.id)
        .map((p) => p.period),
    );
    return reportingPeriods(plan).map((period) => ({ ...period, closed: closed.has(period.id) }));
  }

  /** The plan as it stood at the end of `date` (null before it was drafted): every field under it reads that day. */
  @ResolveField('asOf')
  asOf(@Parent() plan: PlanView, @Args('date') date: string) {
    const then = asOf(date, this.consistency.reader, this.tracking);
    const found = then.catalogue.plansByIds([plan.id])[0];
    return found ? carrying(found, then) : null;
  }
}

@Resolver('PlanSummary')
export class PlanSummaryTrackingResolver {
  constructor(
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Consistency) private readonly consistency: Consistency,
  ) {}

  private readonly computed = new WeakMap<object, { byArea: TrackingGroup[]; byKind: TrackingGroup[] }>();

  /** Both groupings come from one reading of the tracking figures, shared by the two fields. */
  private summaries(summary: { planId: string }) {
    let found = this.computed.get(summary);
    if (!found) {
      found = trackingOf(summary, this.tracking).summaries(summary.planId, todayOf(summary, this.clock.now()));
      this.computed.set(summary, found);
    }
    return found;
  }

  @ResolveField('byThematicAreaTracking')
  byThematicAreaTracking(@Parent() summary: { planId: string }) {
    const areas = new Map(
      catalogueOf(summary, this.consistency.reader)
        .thematicAreasOf([summary.planId])
        .map((a) => [a.code, a]),
    );
    return this.summaries(summary).byArea.map((group) => ({
      thematicArea: areas.get(group.key) ?? { code: group.key, title: group.key },
      figures: figures(summary, group),
    }));
  }

  @ResolveField('byOwnerKind')
  byOwnerKind(@Parent() summary: { planId: string }) {
    return this.summaries(summary).byKind.map((group) => ({ kind: group.key, figures: figures(summary, group) }));
  }

  /** Reports owed and on time over the plan's closed periods: its stakeholders' scorecards added up, on the summary's day. */
  @ResolveField('reports')
  async reports(@Parent() summary: { planId: string }, @Context() context: GraphQLContext) {
    const admitted = await loadersFor(context, catalogueOf(summary, this.consistency.reader)).admitted.load(summary.planId);
    const tracking = trackingOf(summary, this.tracking);
    const today = todayOf(summary, this.clock.now());
    let owed = 0;
    let onTime = 0;
    for (const stakeholder of admitted) {
      for (const period of tracking.scorecard(stakeholder.id, summary.planId, today).compliance) {
        owed += period.owed;
        onTime += period.onTime;
      }
    }
    return { owed, onTime };
  }
}

/** Why a commitment counts as at risk, with the commitment as it stood on the same day. */
@Resolver('AtRiskCommitment')
export class AtRiskCommitmentResolver {
  constructor(@Inject(Consistency) private readonly consistency: Consistency) {}

  @ResolveField('commitment')
  async commitment(@Parent() item: AtRiskView, @Context() context: GraphQLContext) {
    const commitment = await loadersFor(context, catalogueOf(item, this.consistency.reader)).commitment.load(item.commitmentId);
    return commitment && carried(item, commitment);
  }
}

/** The record in a plan the reader may not see: as in a plan the stakeholder has no part in. */
const NO_RECORD = {
  made: 0,
  active: 0,
  completed: 0,
  withdrawn: 0,
  milestonesOnTime: 0,
  milestonesDue: 0,
  compliance: [],
  complianceRate: null,
};

@Resolver('Stakeholder')
export class StakeholderScorecardResolver {
  constructor(
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Consistency) private readonly consistency: Consistency,
    @Inject(PlanAccess) private readonly access: PlanAccess,
  ) {}

  /** The stakeholder's record in the plan on its day (a draft the reader may not see reads as an empty record). */
  @ResolveField('scorecard')
  scorecard(@Parent() stakeholder: StakeholderView, @Args('planId') planId: string, @Context() context: GraphQLContext) {
    if (!this.access.mayReadPlan(context, planId)) return NO_RECORD;
    const catalogue = catalogueOf(stakeholder, this.consistency.reader);
    const card = trackingOf(stakeholder, this.tracking).scorecard(stakeholder.id, planId, todayOf(stakeholder, this.clock.now()));
    const titles = new Map(
      catalogue.commitmentsByIds(card.compliance.flatMap((p) => p.missing.map((m) => m.commitmentId))).map((c) => [c.id, c]),
    );
    return {
      ...card,
      compliance: card.compliance.map((period) => ({
        ...period,
        missing: period.missing.map((m) => ({ commitment: carried(stakeholder, titles.get(m.commitmentId)!) })),
      })),
    };
  }
}
