import type { Projection, RowChange } from '#projections';

export interface CountingOptions {
  readonly name?: string;
  /** Put before both table names, so two counting projections can run side by side. */
  readonly tablePrefix?: string;
  readonly version?: number;
  /** The projector throws on the things whose number this accepts. */
  readonly failOn?: (n: number) => boolean;
}

/** A projection that keeps one row per event and a running count: any duplicate or skip shows. */
export function countingProjection(options: CountingOptions = {}): Projection {
  const prefix = options.tablePrefix ?? '';
  const events = `${prefix}counted_events`;
  const count = `${prefix}event_count`;
  return {
    name: options.name ?? 'counting',
    version: options.version ?? 1,
    eventTypes: ['ThingHappened'],
    tables: [
      { name: events, columns: { event_id: 'TEXT', n: 'INTEGER', position: 'INTEGER' }, primaryKey: ['event_id'] },
      { name: count, columns: { id: 'TEXT', total: 'INTEGER' }, primaryKey: ['id'] },
    ],
    project(event, view): RowChange[] {
      const n = (event.data as { n: number }).n;
      if (options.failOn?.(n)) throw new Error(`cannot project event ${n}`);
      const total = Number(view.get(count, { id: 'all' })?.['total'] ?? 0);
      return [
        { kind: 'upsert', table: events, row: { event_id: event.id, n, position: event.position } },
        { kind: 'upsert', table: count, row: { id: 'all', total: total + 1 } },
      ];
    },
  };
}
