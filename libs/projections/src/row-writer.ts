import type Database from 'better-sqlite3';
import { physicalName } from './generations.js';
import type { Projection, ReadModelView, Row, RowChange, SqlValue, TableDefinition } from './projection.js';
import { TableStatements, values } from './table-statements.js';

/**
 * A row the batch has touched: `base` as read from the file (null: no such row; undefined: not read yet) and the
 * columns upserts have merged into it since, not yet written.
 */
interface CachedRow {
  base: Row | null | undefined;
  changes: Record<string, SqlValue> | undefined;
}

/** One owned table's rows touched in the running batch, by primary key. */
class TableCache {
  readonly rows = new Map<string, CachedRow>();
  /** While the table is filled without its key index: the rowid of every row in it, by primary key. */
  rowids: Map<string, number | bigint> | undefined;
  private readonly nulls: Row;

  constructor(readonly table: TableDefinition) {
    this.nulls = Object.fromEntries(Object.keys(table.columns).map((column) => [column, null]));
  }

  /** The primary key of `row` as a map key, or undefined when `row` names other columns than exactly the key. */
  keyOf(row: Row, exact: boolean): string | undefined {
    const { primaryKey } = this.table;
    if (exact && Object.keys(row).length !== primaryKey.length) return undefined;
    if (primaryKey.length === 1) {
      const value = row[primaryKey[0]!];
      return value === undefined ? undefined : String(value);
    }
    let key = '';
    for (const column of primaryKey) {
      const value = row[column];
      if (value === undefined) return undefined;
      key += `${String(value)}\u0000`;
    }
    return key;
  }

  /** The row as a read of the file would return it once the pending changes are written; undefined when absent. */
  compose(cached: CachedRow): Row | undefined {
    if (cached.changes === undefined) return cached.base ?? undefined;
    return { ...this.nulls, ...cached.base, ...cached.changes };
  }
}

/** Most rows whose rowids one writer keeps while filling (about 100 bytes each); beyond, the indexes are built. */
const FILL_ROWID_LIMIT = 1_000_000;

/**
 * Applies one projection's row changes and answers its view, through one connection. Within a batch, upserts are
 * merged per row in memory and written once by `flush()` (a commitment touched by 500 events of a batch is written
 * once, not 500 times), and rows read by primary key are kept: the view sees every change made earlier in the batch.
 * Deletes and reads by other columns first write the table's pending changes. Only the projection's own tables are
 * reachable; statements are prepared once per table, operation and column list.
 *
 * Between `fill()` and `indexed()` the tables have no indexes, their primary key's included (see `createTables`):
 * the writer finds rows by key through the rowids it keeps in memory, appends new rows and updates others by rowid.
 * Reads and deletes by other columns, or more than `rowidLimit` rows kept, call `beforeScan`, which builds the
 * indexes and ends filling.
 */
export class RowWriter implements ReadModelView {
  private readonly tables: Map<string, TableStatements>;
  private readonly caches = new Map<string, TableCache>();
  private filling = false;
  private rowidsKept = 0;

  /**
   * `beforeScan` runs before any statement that selects rows by other columns than the primary key. The rows are
   * written to the tables of `generation` (see generations.ts).
   */
  constructor(
    db: Database.Database,
    private readonly projection: Projection,
    private readonly beforeScan: () => void = () => undefined,
    private readonly rowidLimit = FILL_ROWID_LIMIT,
    generation = 0,
  ) {
    this.tables = new Map(
      projection.tables.map((table) => [table.name, new TableStatements(db, projection, table, physicalName(table.name, generation))]),
    );
    for (const table of projection.tables) this.caches.set(table.name, new TableCache(table));
  }

  /** The tables are being filled without indexes: rows are found by the rowids kept from now on. */
  fill(): void {
    this.filling = true;
    this.loadRowids();
  }

  /** The indexes exist: rows are found through the key index again, and the rowids are forgotten. */
  indexed(): void {
    this.filling = false;
    this.rowidsKept = 0;
    for (const cache of this.caches.values()) cache.rowids = undefined;
  }

  apply(change: RowChange): void {
    const statements = this.owned(change.table);
    const cache = this.caches.get(change.table)!;
    if (change.kind === 'upsert') {
      const columns = Object.keys(change.row);
      statements.statement(cache.rowids === undefined ? 'upsert' : 'insert', columns); // checks the columns now, so a wrong one fails on its own event
      const key = cache.keyOf(change.row, false)!;
      const cached = cache.rows.get(key);
      if (cached === undefined) cache.rows.set(key, { base: undefined, changes: { ...change.row } });
      else cached.changes = cached.changes === undefined ? { ...change.row } : Object.assign(cached.changes, change.row);
    } else {
      const columns = Object.keys(change.key);
      const statement = statements.statement('delete', columns);
      const key = cache.keyOf(change.key, true);
      if (key === undefined) this.beforeScan();
      this.flushTable(change.table);
      if (cache.rowids === undefined) {
        statement.run(values(change.key, columns));
        return;
      }
      const rowid = cache.rowids.get(key!);
      if (rowid === undefined) return;
      statements.rowids.remove.run(rowid);
      cache.rowids.delete(key!);
      this.rowidsKept--;
    }
  }

  get(table: string, key: Row): Row | undefined {
    const statements = this.owned(table);
    const cache = this.caches.get(table)!;
    const columns = Object.keys(key);
    const id = cache.keyOf(key, true);
    if (id === undefined) {
      this.beforeScan();
      this.flushTable(table);
      return statements.statement('get', columns).get(values(key, columns)) as Row | undefined;
    }
    let cached = cache.rows.get(id);
    if (cached === undefined) {
      cached = { base: undefined, changes: undefined };
      cache.rows.set(id, cached);
    }
    if (cached.base === undefined) {
      if (cache.rowids === undefined)
        cached.base = (statements.statement('get', columns).get(values(key, columns)) as Row | undefined) ?? null;
      else {
        statements.statement('get', columns); // checks the columns
        const rowid = cache.rowids.get(id);
        cached.base = rowid === undefined ? null : ((statements.rowids.read.get(rowid) as Row | undefined) ?? null);
      }
    }
    return cache.compose(cached);
  }

  find(table: string, where: Row): Row[] {
    const statements = this.owned(table);
    this.beforeScan();
    this.flushTable(table);
    const columns = Object.keys(where);
    return statements.statement('find', columns).all(values(where, columns)) as Row[];
  }

  /** Writes every pending change (inside the batch's transaction) and forgets the rows kept. */
  flush(): void {
    for (const table of this.caches.keys()) this.flushTable(table);
  }

  /** Forgets pending changes without writing them (the batch's transaction rolled back). */
  discard(): void {
    for (const cache of this.caches.values()) cache.rows.clear();
    if (this.filling) this.loadRowids(); // rows appended by the rolled-back transaction are gone
  }

  private flushTable(table: string): void {
    const cache = this.caches.get(table)!;
    if (cache.rows.size === 0) return;
    const statements = this.tables.get(table)!;
    const { rowids } = cache;
    for (const [key, cached] of cache.rows) {
      if (cached.changes === undefined) continue;
      const columns = Object.keys(cached.changes);
      if (rowids === undefined) {
        statements.statement('upsert', columns).run(values(cached.changes, columns));
        continue;
      }
      const rowid = rowids.get(key);
      if (rowid === undefined) {
        rowids.set(key, statements.statement('insert', columns).run(values(cached.changes, columns)).lastInsertRowid);
        this.rowidsKept++;
      } else {
        const changed = values(cached.changes, columns);
        changed.push(rowid);
        statements.statement('update', columns).run(changed);
      }
    }
    cache.rows.clear();
    if (this.filling && this.rowidsKept > this.rowidLimit) this.beforeScan();
  }

  /** Reads the rowid of every row of the owned tables (while filling: after `fill()` and after a rollback). */
  private loadRowids(): void {
    this.rowidsKept = 0;
    for (const [name, cache] of this.caches) {
      const statements = this.tables.get(name)!;
      const rowids = new Map<string, number | bigint>();
      for (const row of statements.rowids.keys.iterate() as IterableIterator<Row & { rowid: number | bigint }>)
        rowids.set(cache.keyOf(row, false)!, row.rowid);
      cache.rowids = rowids;
      this.rowidsKept += rowids.size;
    }
  }

  private owned(table: string): TableStatements {
    const statements = this.tables.get(table);
    if (statements === undefined) throw new Error(`Projection '${this.projection.name}' does not own a table named '${table}'`);
    return statements;
  }
}
