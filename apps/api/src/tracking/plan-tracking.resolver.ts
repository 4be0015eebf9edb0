import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CLOCK,
  type Clock,
  EVENT_STORE,
  type PlanView,
  type Snapshot,
  snapshotAt,
  type SqliteTrackingReader,
  type StakeholderView,
  TRACKING,
  type TrackingGroup,
} from '#application';
import { dateOf, reportingPeriods } from '#domain';
import type { EventStore } from '#eventstore';
import { Consistency } from '../catalogue/consistency.js';
import { catalogueOf, snapshotOf, trackingOf, withSnapshot } from '../catalogue/snapshot-readers.js';

const figures = (group: TrackingGroup) => ({
  commitmentsByStatus: group.commitmentsByStatus,
  milestonesOnTime: group.milestonesOnTime,
  milestonesLate: group.milestonesLate,
  milestonesOverdue: group.milestonesOverdue,
  verifiedShare: group.verifiedShare,
  atRisk: group.atRisk,
});

/** Snapshots are rebuilt from the log: keep the last few, keyed by date and the log's head. */
class SnapshotCache {
  private readonly entries = new Map<string, Promise<Snapshot>>();
  constructor(private readonly size = 4) {}

  get(key: string, build: () => Promise<Snapshot>): Promise<Snapshot> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = build();
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
      while (this.entries.size > this.size) {
        const oldest = this.entries.keys().next().value as string;
        void this.entries.get(oldest)?.then((snapshot) => snapshot.close(), () => undefined);
        this.entries.delete(oldest);
      }
    }
    return entry;
  }
}

@Resolver('ActionPlan')
export class PlanTrackingResolver {
  private readonly snapshots = new SnapshotCache();

  constructor(
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Consistency) private readonly consistency: Consistency,
  ) {}

  @ResolveField('reportingPeriods')
  reportingPeriods(@Parent() plan: PlanView) {
    const closed = new Set(trackingOf(plan, this.tracking).closedPeriods(plan.id).map((p) => p.period));
    return reportingPeriods(plan).map((period) => ({ ...period, closed: closed.has(period.id) }));
  }

  /** The plan as it stood at the end of `date`: every nested field reads that snapshot. */
  @ResolveField('asOf')
  async asOf(@Parent() plan: PlanView, @Args('date') date: string) {
    const head = (await this.store.headPosition()) ?? 0n;
    const snapshot = await this.snapshots.get(`${plan.id}/${date}@${head}`, () => snapshotAt(this.store, date, plan.id));
    const then = snapshot.catalogue.plansByIds([plan.id])[0];
    return then ? withSnapshot(then, snapshot) : null;
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
      const today = snapshotOf(summary)?.at ?? dateOf(this.clock.now());
      found = trackingOf(summary, this.tracking).summaries(summary.planId, today);
      this.computed.set(summary, found);
    }
    return found;
  }

  @ResolveField('byThematicAreaTracking')
  byThematicAreaTracking(@Parent() summary: { planId: string }) {
    const areas = new Map(catalogueOf(summary, this.consistency.reader).thematicAreasOf([summary.planId]).map((a) => [a.code, a]));
    return this.summaries(summary).byArea.map((group) => ({ thematicArea: areas.get(group.key) ?? { code: group.key, title: group.key }, figures: figures(group) }));
  }

  @ResolveField('byOwnerKind')
  byOwnerKind(@Parent() summary: { planId: string }) {
    return this.summaries(summary).byKind.map((group) => ({ kind: group.key, figures: figures(group) }));
  }
}

@Resolver('Stakeholder')
export class StakeholderScorecardResolver {
  constructor(
    @Inject(TRACKING) private readonly tracking: SqliteTrackingReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Consistency) private readonly consistency: Consistency,
  ) {}

  @ResolveField('scorecard')
  scorecard(@Parent() stakeholder: StakeholderView, @Args('planId') planId: string) {
    const card = this.tracking.scorecard(stakeholder.id, planId, dateOf(this.clock.now()));
    const titles = new Map(
      this.consistency.reader.commitmentsByIds(card.compliance.flatMap((p) => p.missing.map((m) => m.commitmentId))).map((c) => [c.id, c]),
    );
    return {
      ...card,
      compliance: card.compliance.map((period) => ({
        ...period,
        missing: period.missing.map((m) => ({ commitment: titles.get(m.commitmentId) })),
      })),
    };
  }
}
