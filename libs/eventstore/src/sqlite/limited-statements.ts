import type Database from 'better-sqlite3';

/** How many LIMIT values keep their own prepared statement; the least recently used goes first. */
const KEPT = 16;

/**
 * One query with a LIMIT that changes from call to call. SQLite's planner reads a bound LIMIT, so every new binding
 * expires the statement and the next run prepares it again (tens of microseconds, more than the read itself). The
 * LIMIT is written into the SQL instead, with one prepared statement per value: a store reads with a handful of
 * them (the feed's batch size, an append's event count, a page size).
 */
export class LimitedStatements<Params extends unknown[], Row> {
  private readonly byLimit = new Map<number, Database.Statement<Params, Row>>();
  private readonly unlimited: Database.Statement<Params, Row>;

  /** `sql` ends where the LIMIT clause goes. */
  constructor(
    private readonly db: Database.Database,
    private readonly sql: string,
  ) {
    this.unlimited = db.prepare<Params, Row>(sql);
  }

  /** The statement for at most `limit` rows; no limit when it is undefined or negative. */
  for(limit: number | undefined): Database.Statement<Params, Row> {
    if (limit === undefined || limit < 0) return this.unlimited;
    if (!Number.isSafeInteger(limit)) throw new RangeError(`maxCount must be an integer, not ${limit}`);
    let statement = this.byLimit.get(limit);
    if (statement) {
      this.byLimit.delete(limit);
    } else {
      statement = this.db.prepare<Params, Row>(`${this.sql} LIMIT ${limit}`);
      if (this.byLimit.size >= KEPT) this.byLimit.delete(this.byLimit.keys().next().value!);
    }
    this.byLimit.set(limit, statement);
    return statement;
  }
}
