import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '#eventstore';
import { physicalName, type ReadModelStore } from '#projections';

/** The test event: `ThingHappened` with its sequence number `n`. */
export const thing = (n: number, type = 'ThingHappened'): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n },
  metadata: { correlationId: randomUUID(), occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
});

/** Appends things `from` .. `from + count - 1`, one append each, over three streams. */
export async function appendThings(store: EventStore, from: number, count: number, type?: string): Promise<void> {
  for (let n = from; n < from + count; n++) await store.append(`thing-${n % 3}`, [thing(n, type)]);
}

/** Appends things in appends of up to 500 events (fast seeding). */
export async function seedThings(store: EventStore, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const size = Math.min(500, count - start);
    await store.append(
      `thing-${start}`,
      Array.from({ length: size }, (_, i) => thing(start + i)),
    );
  }
}

export const range = (count: number): number[] => Array.from({ length: count }, (_, n) => n);

/** What the counting projection holds: its count row, its event rows and their numbers in order. */
export function counts(readModels: ReadModelStore, tablePrefix = '', suffix = '') {
  const db = readModels.db;
  return {
    total:
      (db.prepare(`SELECT total FROM ${tablePrefix}event_count${suffix} WHERE id = 'all'`).get() as { total: number } | undefined)?.total ??
      0,
    rows: (db.prepare(`SELECT count(*) AS c FROM ${tablePrefix}counted_events${suffix}`).get() as { c: number }).c,
    ns: (db.prepare(`SELECT n FROM ${tablePrefix}counted_events${suffix} ORDER BY n`).all() as { n: number }[]).map((r) => r.n),
  };
}

/** `counts` of the version of `projection` being built (readers do not see it until it takes over). */
export function buildCounts(readModels: ReadModelStore, projection = 'counting', tablePrefix = '') {
  return counts(readModels, tablePrefix, `__g${readModels.builds.read(projection)!.generation}`);
}

/** The table that holds the rows of `table` in the version of `projection` that serves (readers query a view of it). */
export function servedTable(readModels: ReadModelStore, table: string, projection = 'counting'): string {
  return physicalName(table, readModels.checkpoint(projection)!.generation);
}
