import type Database from 'better-sqlite3';

/**
 * Prepared SELECTs on the read-model file, cached by their SQL, with a count of statements run (what the
 * no-N+1 tests check). A table that does not exist yet (before the runner first starts) reads as empty.
 */
export class SqlQueries {
  private readonly cache = new Map<string, Database.Statement | null>();
  /** Statements executed so far. */
  executed = 0;

  constructor(private readonly db: Database.Database) {}

  all<Row>(sql: string, ...params: unknown[]): Row[] {
    const statement = this.prepare(sql);
    if (!statement) return [];
    this.executed += 1;
    return statement.all(...params) as Row[];
  }

  get<Row>(sql: string, ...params: unknown[]): Row | undefined {
    const statement = this.prepare(sql);
    if (!statement) return undefined;
    this.executed += 1;
    return statement.get(...params) as Row | undefined;
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
