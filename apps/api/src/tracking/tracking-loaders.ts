import DataLoader from 'dataloader';
import type { MilestoneView, ProgressReportView, SqliteTrackingReader, TaskView } from '#application';

export interface TrackingLoaders {
  readonly milestones: DataLoader<string, readonly MilestoneView[]>;
  readonly tasks: DataLoader<string, readonly TaskView[]>;
  readonly reports: DataLoader<string, readonly ProgressReportView[]>;
}

function grouped<T extends { commitmentId: string }>(ids: readonly string[], rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.commitmentId)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

const perRequest = new WeakMap<object, Map<SqliteTrackingReader, TrackingLoaders>>();

/** Milestones, tasks and reports of every commitment a request asks for, in one query each. */
export function trackingLoadersFor(context: object, reader: SqliteTrackingReader): TrackingLoaders {
  let byReader = perRequest.get(context);
  if (!byReader) perRequest.set(context, (byReader = new Map()));
  let loaders = byReader.get(reader);
  if (!loaders) {
    loaders = {
      milestones: new DataLoader(async (ids) => grouped(ids, reader.milestonesOf(ids))),
      tasks: new DataLoader(async (ids) => grouped(ids, reader.tasksOf(ids))),
      reports: new DataLoader(async (ids) => grouped(ids, reader.reportsOf(ids))),
    };
    byReader.set(reader, loaders);
  }
  return loaders;
}
