import DataLoader from 'dataloader';
import type { CommitmentView, PlanView, SqliteCatalogueReader, StakeholderView, ThematicAreaView } from '#application';

/** Batches the nested reads of one request: every plan, stakeholder or area asked for in a tick is one query. */
export interface CatalogueLoaders {
  readonly plan: DataLoader<string, PlanView | undefined>;
  readonly commitment: DataLoader<string, CommitmentView | undefined>;
  readonly stakeholder: DataLoader<string, StakeholderView | undefined>;
  readonly thematicAreas: DataLoader<string, readonly ThematicAreaView[]>;
  readonly admitted: DataLoader<string, readonly StakeholderView[]>;
}

function byKey<T>(keys: readonly string[], rows: readonly T[], key: (row: T) => string): (T | undefined)[] {
  const index = new Map(rows.map((row) => [key(row), row]));
  return keys.map((k) => index.get(k));
}

function groupBy<T>(keys: readonly string[], rows: readonly T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

const perRequest = new WeakMap<object, Map<SqliteCatalogueReader, CatalogueLoaders>>();

/** The loaders of the request behind `context` for one reader (live, or a snapshot), created on first use. */
export function loadersFor(context: object, reader: SqliteCatalogueReader): CatalogueLoaders {
  let byReader = perRequest.get(context);
  if (!byReader) perRequest.set(context, (byReader = new Map()));
  let loaders = byReader.get(reader);
  if (!loaders) {
    loaders = {
      plan: new DataLoader(async (ids) => byKey(ids, reader.plansByIds(ids), (p) => p.id)),
      commitment: new DataLoader(async (ids) => byKey(ids, reader.commitmentsByIds(ids), (c) => c.id)),
      stakeholder: new DataLoader(async (ids) => byKey(ids, reader.stakeholdersByIds(ids), (s) => s.id)),
      thematicAreas: new DataLoader(async (planIds) => groupBy(planIds, reader.thematicAreasOf(planIds), (a) => a.planId)),
      admitted: new DataLoader(async (planIds) =>
        groupBy(planIds, reader.stakeholdersOf(planIds), (row) => row.planId).map((rows) => rows.map((row) => row.stakeholder)),
      ),
    };
    byReader.set(reader, loaders);
  }
  return loaders;
}
