import type Database from 'better-sqlite3';
import { asOfView, readAsOf } from '#projections';

/**
 * Prepared SELECTs on the read-model file, cached by their SQL, with a count of statements run (what the
 * no-N+1 tests check). A table that does not exist yet (before the runner first starts) reads as empty.
 *
 * Readers name their tables through `table(name)`: the table itself, or — for queries as of a day (`asOf`) — the view
 * of its rows as they stood at the end of that day, for the tables that keep their history (`keepingHistory`).
 */
export class SqlQueries {
  /** Statements executed so far. */
  executed = 0;

  constructor(
    private readonly db: Database.Database,
    /** The tables that keep their history (`tablesWithHistory`): the only ones an as-of reader reads differently. */
    private readonly withHistory: ReadonlySet<string> = new Set(),
    /** The day this reader reads as of; null: now. */
    readonly day: string | null = null,
    private readonly cache = new Map<string, Database.Statement | null>(),
  ) {}

  /** The same queries as they would have been answered at the end of `day`. */
  asOf(day: string): SqlQueries {
    return new SqlQueries(this.db, this.withHistory, day, this.cache);
  }

  /** The name a query gives `table`: its view as of the reader's day when it keeps its history. */
  table(table: string | { readonly name: string }): string {
    const name = typeof table === 'string' ? table : table.name;
    return this.day !== null && this.withHistory.has(name) ? asOfView(name) : name;
  }

  all<Row>(sql: string, ...params: unknown[]): Row[] {
    const statement = this.prepare(sql);
    if (!statement) return [];
    this.executed += 1;
    return this.run(() => statement.all(...params) as Row[]);
  }

  get<Row>(sql: string, ...params: unknown[]): Row | undefined {
    const statement = this.prepare(sql);
    if (!statement) return undefined;
    this.executed += 1;
    return this.run(() => statement.get(...params) as Row | undefined);
  }

  private run<T>(read: () => T): T {
    return this.day === null ? read() : readAsOf(this.db, this.day, read);
  }

  private prepare(sql: string): Database.Statement | undefined {
    const cached = this.cache.get(sql);
    if (cached) return cached;
    try {
      const statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
      return statement;
    } catch (error) {
      if (/no such table/.test((error as Error).message)) return undefined;
      throw error;
    }
  }
}

/** `?, ?, ?` for an IN list. */
export const placeholders = (count: number): string => Array.from({ length: Math.max(count, 1) }, () => '?').join(', ');
