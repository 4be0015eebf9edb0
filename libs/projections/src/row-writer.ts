import type Database from 'better-sqlite3';
import type { Projection, ReadModelView, Row, RowChange, SqlValue, TableDefinition } from './projection.js';
import { quoteIdentifier } from './table-schema.js';

/**
 * Applies a projection's row changes and answers its view, through one connection (so the view sees the
 * changes made earlier in the same batch). Statements are prepared once per table and column set.
 */
export class RowWriter implements ReadModelView {
  private readonly tables: Map<string, TableDefinition>;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly projection: Projection,
  ) {
    this.tables = new Map(projection.tables.map((table) => [table.name, table]));
  }

  apply(change: RowChange): void {
    if (change.kind === 'upsert') {
      const columns = Object.keys(change.row);
      this.statement(`u|${change.table}|${columns.join(',')}`, (table) => this.upsertSql(table, columns)).run(
        ...columns.map((column) => change.row[column] ?? null),
      );
    } else {
      const columns = Object.keys(change.key);
      this.statement(`d|${change.table}|${columns.join(',')}`, (table) =>
        `DELETE FROM ${quoteIdentifier(table.name)} WHERE ${this.where(columns)}`,
      ).run(...columns.map((column) => change.key[column] ?? null));
    }
  }

  get(table: string, key: Row): Row | undefined {
    const columns = Object.keys(key);
    return this.statement(`g|${table}|${columns.join(',')}`, (definition) =>
      `SELECT * FROM ${quoteIdentifier(definition.name)} WHERE ${this.where(columns)} LIMIT 1`,
    ).get(...columns.map((column) => key[column] ?? null)) as Row | undefined;
  }

  find(table: string, where: Row): Row[] {
    const columns = Object.keys(where);
    return this.statement(`f|${table}|${columns.join(',')}`, (definition) =>
      `SELECT * FROM ${quoteIdentifier(definition.name)}${columns.length ? ` WHERE ${this.where(columns)}` : ''}`,
    ).all(...columns.map((column) => where[column] ?? null)) as Row[];
  }

  private where(columns: readonly string[]): string {
    return columns.map((column) => `${quoteIdentifier(column)} IS ?`).join(' AND ');
  }

  private upsertSql(table: TableDefinition, columns: readonly string[]): string {
    for (const key of table.primaryKey) {
      if (!columns.includes(key)) throw new Error(`An upsert into '${table.name}' must give its key column '${key}'`);
    }
    const updates = columns.filter((column) => !table.primaryKey.includes(column));
    const conflict = updates.length
      ? `DO UPDATE SET ${updates.map((column) => `${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`).join(', ')}`
      : 'DO NOTHING';
    return `INSERT INTO ${quoteIdentifier(table.name)} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns
      .map(() => '?')
      .join(', ')}) ON CONFLICT (${table.primaryKey.map(quoteIdentifier).join(', ')}) ${conflict}`;
  }

  private statement(cacheKey: string, sql: (table: TableDefinition) => string): Database.Statement {
    let statement = this.statements.get(cacheKey);
    if (!statement) {
      const tableName = cacheKey.split('|')[1]!;
      const table = this.tables.get(tableName);
      if (!table) throw new Error(`Projection '${this.projection.name}' does not own a table named '${tableName}'`);
      statement = this.db.prepare(sql(table));
      this.statements.set(cacheKey, statement);
    }
    return statement;
  }
}

export type { SqlValue };
