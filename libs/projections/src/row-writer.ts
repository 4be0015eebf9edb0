import type Database from 'better-sqlite3';
import type { Projection, ReadModelView, Row, RowChange, SqlValue, TableDefinition } from './projection.js';
import { quoteIdentifier } from './table-schema.js';

type Operation = 'upsert' | 'delete' | 'get' | 'find';

/** One owned table and the statements prepared for it, by operation and column list. */
class TableStatements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly projection: Projection,
    private readonly table: TableDefinition,
  ) {}

  statement(operation: Operation, columns: readonly string[]): Database.Statement {
    const key = `${operation}:${columns.join(',')}`;
    let statement = this.cache.get(key);
    if (statement === undefined) {
      statement = this.db.prepare(this.sql(operation, columns));
      this.cache.set(key, statement);
    }
    return statement;
  }

  private sql(operation: Operation, columns: readonly string[]): string {
    const { name, primaryKey } = this.table;
    for (const column of columns) {
      if (!(column in this.table.columns)) {
        throw new Error(`Table '${name}' of projection '${this.projection.name}' has no column '${column}'`);
      }
    }
    const table = quoteIdentifier(name);
    const where = columns.map((column) => `${quoteIdentifier(column)} IS ?`).join(' AND ');
    switch (operation) {
      case 'upsert': {
        const missing = primaryKey.find((column) => !columns.includes(column));
        if (missing) throw new Error(`An upsert into '${name}' must give its key column '${missing}'`);
        const updates = columns.filter((column) => !primaryKey.includes(column));
        const conflict = updates.length
          ? `DO UPDATE SET ${updates.map((column) => `${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`).join(', ')}`
          : 'DO NOTHING';
        return `INSERT INTO ${table} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
          ON CONFLICT (${primaryKey.map(quoteIdentifier).join(', ')}) ${conflict}`;
      }
      case 'delete': {
        if (columns.length === 0) throw new Error(`A delete from '${name}' must give at least one column`);
        return `DELETE FROM ${table} WHERE ${where}`;
      }
      case 'get':
        return `SELECT * FROM ${table} WHERE ${where} LIMIT 1`;
      case 'find':
        return `SELECT * FROM ${table}${columns.length ? ` WHERE ${where}` : ''}`;
    }
  }
}

function values(row: Row, columns: readonly string[]): SqlValue[] {
  const result = new Array<SqlValue>(columns.length);
  for (let i = 0; i < columns.length; i++) result[i] = row[columns[i]!] ?? null;
  return result;
}

/**
 * Applies one projection's row changes and answers its view, through one connection (so the view sees the
 * changes made earlier in the same batch). Only the projection's own tables are reachable; statements are
 * prepared once per table, operation and column list.
 */
export class RowWriter implements ReadModelView {
  private readonly tables: Map<string, TableStatements>;

  constructor(
    db: Database.Database,
    private readonly projection: Projection,
  ) {
    this.tables = new Map(projection.tables.map((table) => [table.name, new TableStatements(db, projection, table)]));
  }

  apply(change: RowChange): void {
    if (change.kind === 'upsert') {
      const columns = Object.keys(change.row);
      this.owned(change.table).statement('upsert', columns).run(values(change.row, columns));
    } else {
      const columns = Object.keys(change.key);
      this.owned(change.table).statement('delete', columns).run(values(change.key, columns));
    }
  }

  get(table: string, key: Row): Row | undefined {
    const columns = Object.keys(key);
    return this.owned(table).statement('get', columns).get(values(key, columns)) as Row | undefined;
  }

  find(table: string, where: Row): Row[] {
    const columns = Object.keys(where);
    return this.owned(table).statement('find', columns).all(values(where, columns)) as Row[];
  }

  private owned(table: string): TableStatements {
    const statements = this.tables.get(table);
    if (statements === undefined) throw new Error(`Projection '${this.projection.name}' does not own a table named '${table}'`);
    return statements;
  }
}
