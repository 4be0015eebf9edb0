import type Database from 'better-sqlite3';
import type { Projection, TableDefinition } from './projection.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`'${name}' is not a valid read-model identifier (lower case, digits, _)`);
  return `"${name}"`;
}

function createStatements(table: TableDefinition): string[] {
  const columns = Object.entries(table.columns).map(([name, type]) => `${quoteIdentifier(name)} ${type}`);
  const key = table.primaryKey.map(quoteIdentifier).join(', ');
  const statements = [`CREATE TABLE IF NOT EXISTS ${quoteIdentifier(table.name)} (${columns.join(', ')}, PRIMARY KEY (${key}))`];
  for (const index of table.indexes ?? []) {
    const name = quoteIdentifier(`${table.name}_by_${index.join('_')}`);
    statements.push(`CREATE INDEX IF NOT EXISTS ${name} ON ${quoteIdentifier(table.name)} (${index.map(quoteIdentifier).join(', ')})`);
  }
  return statements;
}

/** Creates a projection's tables and indexes when they are missing. */
export function createTables(db: Database.Database, projection: Projection): void {
  for (const table of projection.tables) for (const sql of createStatements(table)) db.exec(sql);
}

/** Drops a projection's tables (their indexes go with them). */
export function dropTables(db: Database.Database, projection: Projection): void {
  for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`);
}
