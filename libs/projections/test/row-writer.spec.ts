import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type { Projection } from '#projections';
import { RowWriter } from '#projections/row-writer';
import { createIndexes, createTables } from '#projections/table-schema';

const notes: Projection = {
  name: 'notes',
  version: 1,
  eventTypes: [],
  tables: [{ name: 'notes', columns: { id: 'TEXT', text: 'TEXT', edits: 'INTEGER' }, primaryKey: ['id'] }],
  project: () => [],
};

describe('row writer: filling a table by rowids', () => {
  it('builds the indexes once it keeps more rowids than its limit, and goes on through the key index', () => {
    const db = new Database(':memory:');
    createTables(db, notes, { indexes: false });
    let scans = 0;
    const writer: RowWriter = new RowWriter(
      db,
      notes,
      () => {
        scans++;
        createIndexes(db, notes);
        writer.indexed();
      },
      3,
    );
    writer.fill();
    const write = (id: string, text: string) => {
      const before = writer.get('notes', { id });
      writer.apply({ kind: 'upsert', table: 'notes', row: { id, text, edits: Number(before?.['edits'] ?? 0) + 1 } });
      writer.flush();
    };
    for (const id of ['a', 'b', 'c']) write(id, `first ${id}`);
    expect(scans).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index'").get()).toEqual({ n: 0 });
    write('d', 'first d');
    expect(scans).toBe(1);
    for (const id of ['a', 'd', 'e']) write(id, `second ${id}`);
    writer.apply({ kind: 'delete', table: 'notes', key: { id: 'b' } });
    writer.flush();
    expect(db.prepare('SELECT * FROM notes ORDER BY id').all()).toEqual([
      { id: 'a', text: 'second a', edits: 2 },
      { id: 'c', text: 'first c', edits: 1 },
      { id: 'd', text: 'second d', edits: 2 },
      { id: 'e', text: 'second e', edits: 1 },
    ]);
    expect(scans).toBe(1);
    db.close();
  });
});
