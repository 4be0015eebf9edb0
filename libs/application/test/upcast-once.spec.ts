import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { MemoryEventStore, type Upcaster, UpcasterRegistry } from '#eventstore';
import { defineTable, type Projection, ProjectionRunner, ReadModelStore, text } from '#projections';
import { typed, upsert } from '../src/read-model/rows.js';

/** A test-only event whose shape changed: `NameGiven` held one `name`; `NameGiven.v2` holds `given` and `family`. */
const upcaster: Upcaster & { calls: number } = {
  calls: 0,
  type: 'NameGiven',
  schemaVersion: 1,
  upcast(event) {
    this.calls++;
    const [given = '', family = ''] = (event.data as { name: string }).name.split(' ');
    return { type: 'NameGiven.v2', schemaVersion: 2, data: { given, family } };
  },
};

/** A read model of the names it is given, in the current shape only. */
function namesProjection(name: string): Projection {
  const table = defineTable({
    name: `${name}_names`,
    columns: { person_id: text(), given: text(), family: text() },
    primaryKey: ['person_id'],
  });
  return {
    name,
    version: 1,
    eventTypes: ['NameGiven.v2'],
    tables: [table],
    project(event, view) {
      const { given, family } = event.data as { given: string; family: string };
      if (typed(view).get(table, { person_id: event.stream })) return [];
      return [upsert(table, { person_id: event.stream, given, family })];
    },
  };
}

describe('events stored in an old shape, projected', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('reach every projection in the current shape, upcast once per event however many projections follow the log', async () => {
    const store = new MemoryEventStore({ upcasters: new UpcasterRegistry([upcaster]) });
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Mary Somerville']) {
      await store.append(`person-${randomUUID()}`, [
        {
          id: randomUUID(),
          type: 'NameGiven',
          data: { name },
          metadata: { correlationId: randomUUID(), occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
        },
      ]);
    }
    upcaster.calls = 0;
    const readModels = ReadModelStore.open({ path: ':memory:' });
    const runner = new ProjectionRunner({ store, readModels, projections: [namesProjection('first'), namesProjection('second')] });
    close = async () => {
      await runner.stop();
      readModels.close();
      await store.close();
    };
    await runner.start();
    expect(await runner.waitFor((await store.headPosition())!, 60_000)).toBe(true);
    for (const table of ['first_names', 'second_names']) {
      expect(readModels.db.prepare(`SELECT given, family FROM ${table} ORDER BY given`).all()).toEqual([
        { given: 'Ada', family: 'Lovelace' },
        { given: 'Grace', family: 'Hopper' },
        { given: 'Mary', family: 'Somerville' },
      ]);
    }
    expect(upcaster.calls).toBe(3);
  });
});
