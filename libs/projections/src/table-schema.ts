import type Database from 'better-sqlite3';
import type { Projection, TableDefinition } from './projection.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`'${name}' is not a valid read-model identifier (lower case, digits, _)`);
  return `"${name}"`;
}

function createTable(table: TableDefinition): string {
  const columns = Object.entries(table.columns).map(([name, type]) => `${quoteIdentifier(name)} ${type}`);
  const key = table.primaryKey.map(quoteIdentifier).join(', ');
  return `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(table.name)} (${columns.join(', ')}, PRIMARY KEY (${key}))`;
}

function createIndexStatements(table: TableDefinition): string[] {
  return (table.indexes ?? []).map((index) => {
    const name = quoteIdentifier(`${table.name}_by_${index.join('_')}`);
    return `CREATE INDEX IF NOT EXISTS ${name} ON ${quoteIdentifier(table.name)} (${index.map(quoteIdentifier).join(', ')})`;
  });
}

/**
 * Creates a projection's tables and (unless `indexes` is false) their secondary indexes when they are missing. A
 * table filled from scratch is faster to fill without them: SQLite then builds each index in one sorted pass.
 */
export function createTables(db: Database.Database, projection: Projection, { indexes = true }: { indexes?: boolean } = {}): void {
  for (const table of projection.tables) db.exec(createTable(table));
  if (indexes) createIndexes(db, projection);
}

/** Creates the secondary indexes of a projection's tables that are missing. */
export function createIndexes(db: Database.Database, projection: Projection): void {
  for (const table of projection.tables) for (const sql of createIndexStatements(table)) db.exec(sql);
}

/** Drops a projection's tables (their indexes go with them). */
export function dropTables(db: Database.Database, projection: Projection): void {
  for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`);
}

interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  /** 1-based place in the primary key, 0 when not part of it. */
  readonly pk: number;
}

/** Whether a table of that name exists in the file. */
export function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare<[string]>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Whether the table in the file has exactly the columns, types and primary key of its definition. */
export function tableMatches(db: Database.Database, table: TableDefinition): boolean {
  const stored = db.prepare<[string], ColumnInfo>('SELECT name, type, pk FROM pragma_table_info(?)').all(table.name);
  const columns = Object.entries(table.columns);
  if (stored.length !== columns.length) return false;
  return columns.every(([name, type]) => {
    const column = stored.find((info) => info.name === name);
    return column !== undefined && column.type.toUpperCase() === type && column.pk === table.primaryKey.indexOf(name) + 1;
  });
}

/** Every table of the projection exists as defined (a missing or reshaped table means its rows cannot be trusted). */
export function tablesMatch(db: Database.Database, projection: Projection): boolean {
  return projection.tables.every((table) => tableMatches(db, table));
}
