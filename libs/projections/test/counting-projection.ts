import type { Projection, RowChange } from '#projections';

/** A projection that keeps one row per event and a running count: any duplicate or skip shows. */
export function countingProjection(options: { version?: number; failOn?: (n: number) => boolean } = {}): Projection {
  return {
    name: 'counting',
    version: options.version ?? 1,
    eventTypes: ['ThingHappened'],
    tables: [
      { name: 'counted_events', columns: { event_id: 'TEXT', n: 'INTEGER', position: 'INTEGER' }, primaryKey: ['event_id'] },
      { name: 'event_count', columns: { id: 'TEXT', total: 'INTEGER' }, primaryKey: ['id'] },
    ],
    project(event, view): RowChange[] {
      const n = (event.data as { n: number }).n;
      if (options.failOn?.(n)) throw new Error(`cannot project event ${n}`);
      const total = Number(view.get('event_count', { id: 'all' })?.['total'] ?? 0);
      return [
        { kind: 'upsert', table: 'counted_events', row: { event_id: event.id, n, position: event.position } },
        { kind: 'upsert', table: 'event_count', row: { id: 'all', total: total + 1 } },
      ];
    },
  };
}
