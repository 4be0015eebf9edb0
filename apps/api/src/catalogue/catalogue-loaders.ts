import DataLoader from 'dataloader';
import type { PlanView, SqliteCatalogueReader, StakeholderView, ThematicAreaView } from '#application';

/** Batches the nested reads of one request: every plan, stakeholder or area asked for in a tick is one query. */
export interface CatalogueLoaders {
  readonly plan: DataLoader<string, PlanView | undefined>;
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

const perRequest = new WeakMap<object, CatalogueLoaders>();

/** The loaders of the request behind `context`, created on first use. */
export function loadersFor(context: object, reader: SqliteCatalogueReader): CatalogueLoaders {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = {
      plan: new DataLoader(async (ids) => byKey(ids, reader.plansByIds(ids), (p) => p.id)),
      stakeholder: new DataLoader(async (ids) => byKey(ids, reader.stakeholdersByIds(ids), (s) => s.id)),
      thematicAreas: new DataLoader(async (planIds) => groupBy(planIds, reader.thematicAreasOf(planIds), (a) => a.planId)),
      admitted: new DataLoader(async (planIds) =>
        groupBy(planIds, reader.stakeholdersOf(planIds), (row) => row.planId).map((rows) => rows.map((row) => row.stakeholder)),
      ),
    };
    perRequest.set(context, loaders);
  }
  return loaders;
}
