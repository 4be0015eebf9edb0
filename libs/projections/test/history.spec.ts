import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { asOfView, historyTable, keepingHistory, type Projection, readAsOf, type RowChange } from '#projections';
import { RunnerHarness } from './runner-harness.js';

/** A price list: `PriceSet` sets an item's price, `ItemDropped` removes it; prices keep their history. */
const prices: Projection = keepingHistory(
  {
    name: 'prices',
    version: 1,
    eventTypes: ['PriceSet', 'ItemDropped'],
    tables: [{ name: 'prices', columns: { item: 'TEXT', price: 'INTEGER', shop: 'TEXT' }, primaryKey: ['item'], indexes: [['shop']] }],
    project(event): RowChange[] {
      const data = event.data as { item: string; price?: number };
      return event.type === 'PriceSet'
        ? [{ kind: 'upsert', table: 'prices', row: { item: data.item, price: data.price!, shop: 'main' } }]
        : [{ kind: 'delete', table: 'prices', key: { item: data.item } }];
    },
  },
  ['prices'],
);

const on = (day: string, type: string, data: object) => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), occurredAt: `${day}T12:00:00.000Z`, schemaVersion: 1 },
});

describe('read models that keep their history', () => {
  let harness: RunnerHarness;
  beforeEach(() => {
    harness = new RunnerHarness();
  });
  afterEach(() => harness.dispose());

  const project = async (...events: ReturnType<typeof on>[]) => {
    for (const event of events) await harness.store.append('price-1', [event]);
    const opened = harness.open(prices);
    await opened.runner.start();
    expect(await opened.runner.waitFor(await harness.head(), 5000)).toBe(true);
    const { db } = opened.readModels;
    const asOf = (day: string) => readAsOf(db, day, () => db.prepare(`SELECT item, price FROM ${asOfView('prices')} ORDER BY item`).all());
    return { db, asOf };
  };

  it('keep one version a day, the row as it stood at the end of that day, and answer for any day', async () => {
    const { db, asOf } = await project(
      on('2010-01-01', 'PriceSet', { item: 'a', price: 1 }),
      on('2010-01-01', 'PriceSet', { item: 'a', price: 2 }),
      on('2010-01-05', 'PriceSet', { item: 'a', price: 3 }),
      on('2010-01-05', 'PriceSet', { item: 'b', price: 10 }),
      on('2010-01-09', 'ItemDropped', { item: 'a' }),
    );
    expect(db.prepare(`SELECT item, price, valid_from, valid_to FROM ${historyTable('prices')} ORDER BY item, valid_from`).all()).toEqual([
      { item: 'a', price: 2, valid_from: '2010-01-01', valid_to: '2010-01-05' },
      { item: 'a', price: 3, valid_from: '2010-01-05', valid_to: '2010-01-09' },
      { item: 'b', price: 10, valid_from: '2010-01-05', valid_to: null },
    ]);
    expect(asOf('2009-12-31')).toEqual([]);
    expect(asOf('2010-01-01')).toEqual([{ item: 'a', price: 2 }]);
    expect(asOf('2010-01-04')).toEqual([{ item: 'a', price: 2 }]);
    expect(asOf('2010-01-05')).toEqual([
      { item: 'a', price: 3 },
      { item: 'b', price: 10 },
    ]);
    expect(asOf('2010-01-09')).toEqual([{ item: 'b', price: 10 }]);
    expect(db.prepare('SELECT item, price, valid_from FROM prices').all()).toEqual([{ item: 'b', price: 10, valid_from: '2010-01-05' }]);
  });

  it('forget a row deleted on the day it was made, and take it back when it comes again', async () => {
    const { asOf } = await project(
      on('2010-02-01', 'PriceSet', { item: 'a', price: 1 }),
      on('2010-02-01', 'ItemDropped', { item: 'a' }),
      on('2010-02-03', 'PriceSet', { item: 'a', price: 5 }),
    );
    expect(asOf('2010-02-01')).toEqual([]);
    expect(asOf('2010-02-02')).toEqual([]);
    expect(asOf('2010-02-03')).toEqual([{ item: 'a', price: 5 }]);
  });

  it('never go backwards: an event dated before the row’s current version counts on that version’s day', async () => {
    const { asOf } = await project(
      on('2010-03-10', 'PriceSet', { item: 'a', price: 1 }),
      on('2010-03-01', 'PriceSet', { item: 'a', price: 2 }),
    );
    expect(asOf('2010-03-05')).toEqual([]);
    expect(asOf('2010-03-10')).toEqual([{ item: 'a', price: 2 }]);
  });

  it('serve as_of_ views only inside readAsOf', async () => {
    const { db } = await project(on('2010-01-01', 'PriceSet', { item: 'a', price: 1 }));
    expect(() => db.prepare(`SELECT * FROM ${asOfView('prices')}`).all()).toThrow(/readAsOf/);
  });

  it('refuse a delete that does not name the primary key exactly', () => {
    const bad = keepingHistory(
      {
        ...prices,
        tables: [{ name: 'p', columns: { item: 'TEXT', shop: 'TEXT' }, primaryKey: ['item'] }],
        project: () => [{ kind: 'delete', table: 'p', key: { shop: 'main' } }],
      },
      ['p'],
    );
    expect(() => bad.project(on('2010-01-01', 'PriceSet', {}) as never, { get: () => undefined, find: () => [] })).toThrow(
      /primary key exactly/,
    );
  });
});
