import type { EventStore, Position, ReadAllOptions, RecordedEvent } from '#eventstore';
import { ProjectionRunner, ReadModelStore } from '#projections';
import { commitmentsProjection } from '../catalogue/projections/commitments.projection.js';
import { plansProjection } from '../catalogue/projections/plans.projection.js';
import { stakeholdersProjection } from '../catalogue/projections/stakeholders.projection.js';
import { SqliteCatalogueReader } from '../catalogue/sqlite-catalogue-reader.js';
import { SqliteTrackingReader } from '../tracking/sqlite-tracking-reader.js';
import { tasksProjection } from '../tracking/tasks.projection.js';
import { trackingProjection } from '../tracking/tracking.projection.js';

/** The read models as they stood at a moment, rebuilt in memory from the events recorded until then. */
export interface Snapshot {
  readonly at: string;
  readonly catalogue: SqliteCatalogueReader;
  readonly tracking: SqliteTrackingReader;
  close(): void;
}

/** A read-only log over events already in memory, keeping their positions (what a rebuild needs). */
function logOf(events: readonly RecordedEvent[]): EventStore {
  const unsupported = () => {
    throw new Error('A snapshot log is read-only');
  };
  return {
    kind: 'snapshot',
    async readAll(options: ReadAllOptions = {}) {
      const after = options.after ?? 0n;
      let low = 0;
      let high = events.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (events[mid]!.position <= after) low = mid + 1;
        else high = mid;
      }
      return events.slice(low, low + (options.maxCount ?? events.length));
    },
    async headPosition(): Promise<Position | undefined> {
      return events.at(-1)?.position;
    },
    append: unsupported,
    readStream: unsupported,
    subscribeToAll: unsupported,
    ping: async () => undefined,
    close: async () => undefined,
  };
}

/**
 * Rebuilds the plan, stakeholder, commitment and tracking read models from the events recorded up to the end of
 * `date` (their `occurredAt`). A later event — a correction included — never changes an earlier snapshot. With a
 * `planId`, only that plan, its commitments and the stakeholders are rebuilt.
 */
export async function snapshotAt(store: EventStore, date: string, planId?: string): Promise<Snapshot> {
  const cutoff = `${date}T23:59:59.999Z`;
  const kept: RecordedEvent[] = [];
  const commitments = new Set<string>();
  const wanted = (event: RecordedEvent): boolean => {
    if (planId === undefined || event.stream.startsWith('stakeholder-') || event.stream === `plan-${planId}`) return true;
    if (event.type === 'CommitmentMade' && (event.data as { planId?: string }).planId === planId) commitments.add(event.stream);
    return commitments.has(event.stream);
  };
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 5000 });
    if (page.length === 0) break;
    for (const event of page) if (event.metadata.occurredAt <= cutoff && wanted(event)) kept.push(event);
    after = page.at(-1)!.position;
  }
  const projections = [plansProjection, stakeholdersProjection, commitmentsProjection, trackingProjection, tasksProjection];
  const readModels = ReadModelStore.open({ path: ':memory:' });
  const runner = new ProjectionRunner({ store: logOf(kept), readModels, projections, batchSize: 2000 });
  for (const projection of projections) await runner.rebuild(projection.name);
  return {
    at: date,
    catalogue: new SqliteCatalogueReader(readModels.db),
    tracking: new SqliteTrackingReader(readModels.db),
    close: () => readModels.close(),
  };
}
