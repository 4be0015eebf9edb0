import type { Projection } from '#projections';
import type { ProgressData } from './sample-events.js';

/** Latest progress per commitment: one upsert per event into a small keyed table (the typical status read model). */
export const latestProgress: Projection = {
  name: 'bench_latest_progress',
  version: 1,
  eventTypes: ['ProgressReported'],
  tables: [
    {
      name: 'bench_latest_progress',
      columns: { commitment_id: 'TEXT', percent: 'INTEGER', reports: 'INTEGER', position: 'INTEGER' },
      primaryKey: ['commitment_id'],
    },
  ],
  project: (event, view) => {
    const data = event.data as ProgressData;
    const reports = Number(view.get('bench_latest_progress', { commitment_id: data.commitmentId })?.['reports'] ?? 0);
    return [
      {
        kind: 'upsert',
        table: 'bench_latest_progress',
        row: { commitment_id: data.commitmentId, percent: data.percentComplete, reports: reports + 1, position: event.position },
      },
    ];
  },
};

/** One row per event, keyed by its random UUID: bounded by SQLite's own insert rate into a large random-key index. */
export const progressList: Projection = {
  name: 'bench_progress_list',
  version: 1,
  eventTypes: ['ProgressReported'],
  tables: [
    {
      name: 'bench_progress_list',
      columns: { event_id: 'TEXT', commitment_id: 'TEXT', percent: 'INTEGER', position: 'INTEGER' },
      primaryKey: ['event_id'],
      indexes: [['commitment_id']],
    },
  ],
  project: (event) => {
    const data = event.data as ProgressData;
    return [
      {
        kind: 'upsert',
        table: 'bench_progress_list',
        row: { event_id: event.id, commitment_id: data.commitmentId, percent: data.percentComplete, position: event.position },
      },
    ];
  },
};
