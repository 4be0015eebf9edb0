import type Database from 'better-sqlite3';
import type { Projection, Row, SqlValue, TableDefinition } from './projection.js';
import { quoteIdentifier } from './table-schema.js';

type Operation = 'upsert' | 'delete' | 'get' | 'find' | 'insert' | 'update';

/** Statements prepared for one operation, found by walking the column list (no key string built per call). */
interface StatementNode {
  statement: Database.Statement | undefined;
  readonly next: Map<string, StatementNode>;
}

const newNode = (): StatementNode => ({ statement: undefined, next: new Map() });

/** One owned table and the statements prepared for it, by operation and column list. */
export class TableStatements {
  private readonly roots: Record<Operation, StatementNode> = {
    upsert: newNode(),
    delete: newNode(),
    get: newNode(),
    find: newNode(),
    insert: newNode(),
    update: newNode(),
  };
  private byRowid: { read: Database.Statement; remove: Database.Statement; keys: Database.Statement } | undefined;

  /** `table` as the projector names it; its rows are in the table named `physical`. */
  constructor(
    private readonly db: Database.Database,
    private readonly projection: Projection,
    private readonly table: TableDefinition,
    private readonly physical: string = table.name,
  ) {}

  /** Statements on rowids, for a table being filled without its key index. */
  get rowids(): { read: Database.Statement; remove: Database.Statement; keys: Database.Statement } {
    const table = quoteIdentifier(this.physical);
    return (this.byRowid ??= {
      read: this.db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`),
      remove: this.db.prepare(`DELETE FROM ${table} WHERE rowid = ?`),
      keys: this.db.prepare(`SELECT rowid AS "rowid", ${this.table.primaryKey.map(quoteIdentifier).join(', ')} FROM ${table}`),
    });
  }

  statement(operation: Operation, columns: readonly string[]): Database.Statement {
    let node = this.roots[operation];
    for (const column of columns) {
      let next = node.next.get(column);
      if (next === undefined) {
        next = newNode();
        node.next.set(column, next);
      }
      node = next;
    }
    return (node.statement ??= this.db.prepare(this.sql(operation, columns)));
  }

  private sql(operation: Operation, columns: readonly string[]): string {
    const { name, primaryKey } = this.table;
    for (const column of columns) {
      if (!(column in this.table.columns)) {
        throw new Error(`Table '${name}' of projection '${this.projection.name}' has no column '${column}'`);
      }
    }
    const table = quoteIdentifier(this.physical);
    const where = columns.map((column) => `${quoteIdentifier(column)} IS ?`).join(' AND ');
    const missing = primaryKey.find((column) => !columns.includes(column));
    if ((operation === 'upsert' || operation === 'insert') && missing)
      throw new Error(`An upsert into '${name}' must give its key column '${missing}'`);
    switch (operation) {
      case 'upsert': {
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
      case 'insert':
        return `INSERT INTO ${table} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      case 'update':
        return `UPDATE ${table} SET ${columns.map((column) => `${quoteIdentifier(column)} = ?`).join(', ')} WHERE rowid = ?`;
      case 'get':
        return `SELECT * FROM ${table} WHERE ${where} LIMIT 1`;
      case 'find':
        return `SELECT * FROM ${table}${columns.length ? ` WHERE ${where}` : ''}`;
    }
  }
}

export function values(row: Row, columns: readonly string[]): SqlValue[] {
  const result = new Array<SqlValue>(columns.length);
  for (let i = 0; i < columns.length; i++) result[i] = row[columns[i]!] ?? null;
  return result;
}
