import type Database from 'better-sqlite3';
import type { Projection, ReadModelView, Row, RowChange, SqlValue, TableDefinition } from './projection.js';
import { quoteIdentifier } from './table-schema.js';

/**
 * Read models that keep their past, so that "as of a day" is an indexed query instead of a replay of the log.
 *
 * `keepingHistory(projection, tables)` gives each named table a companion `<table>_history` holding every version of
 * every row: the row's columns, `valid_from` (the day the version began) and `valid_to` (the day the next one began;
 * null while it stands). The table itself keeps its current rows, with their `valid_from`. A version covers whole
 * days: several changes on one day leave one version, the row as it stood at the end of that day. The day is the
 * event's `occurredAt` (UTC), and a row's history never goes backwards (an event dated before the row's current
 * version is counted on that version's day).
 *
 * Read as of a day through the `as_of_<table>` views (`enableAsOf`) inside `readAsOf`.
 */

export const VALID_FROM = 'valid_from';
export const VALID_TO = 'valid_to';

/** The history table of a table that keeps its history. */
export const historyTable = (table: string): string => `${table}_history`;
/** The view of a table's rows as they stood at the end of the day given to `readAsOf`. */
export const asOfView = (table: string): string => `as_of_${table}`;

/** The table definitions of a projection whose `history` names the tables that keep their past. */
function withHistoryTables(tables: readonly TableDefinition[], kept: ReadonlySet<string>): TableDefinition[] {
  return tables.flatMap((table) => {
    if (!kept.has(table.name)) return [table];
    const current: TableDefinition = { ...table, columns: { ...table.columns, [VALID_FROM]: 'TEXT' } };
    const history: TableDefinition = {
      name: historyTable(table.name),
      columns: { ...current.columns, [VALID_TO]: 'TEXT' },
      primaryKey: [...table.primaryKey, VALID_FROM],
      indexes: (table.indexes ?? []).map((index) => [...index, VALID_FROM]),
      historyOf: table.name,
    };
    return [current, history];
  });
}

const pick = (row: Row, columns: readonly string[]): Row => Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));

/**
 * The projection with the named tables keeping their history: each change the projector asks for on such a table is
 * applied to the table as asked, and to its history — the version it ends is closed on the event's day and the new
 * one written whole. Deletes must name the primary key exactly.
 */
export function keepingHistory(projection: Projection, tables: readonly string[]): Projection {
  const kept = new Map(projection.tables.filter((table) => tables.includes(table.name)).map((table) => [table.name, table]));
  const missing = tables.find((name) => !kept.has(name));
  if (missing) throw new Error(`Projection '${projection.name}' has no table '${missing}' to keep the history of`);
  const empty = new Map([...kept.values()].map((table) => [table.name, Object.fromEntries(Object.keys(table.columns).map((column) => [column, null]))]));
  return {
    ...projection,
    tables: withHistoryTables(projection.tables, new Set(kept.keys())),
    project(event, view: ReadModelView): readonly RowChange[] {
      const changes = projection.project(event, view);
      if (!changes.some((change) => kept.has(change.table))) return changes;
      const day = event.metadata.occurredAt.slice(0, 10);
      const result: RowChange[] = [];
      // Rows this event changed already, as they now stand (null: deleted), by table and key.
      const touched = new Map<string, Row | null>();
      for (const change of changes) {
        const table = kept.get(change.table);
        if (!table) {
          result.push(change);
          continue;
        }
        const given = change.kind === 'upsert' ? change.row : change.key;
        if (change.kind === 'delete' && Object.keys(given).length !== table.primaryKey.length) {
          throw new Error(`A delete from '${table.name}', which keeps its history, must name its primary key exactly`);
        }
        const key = pick(given, table.primaryKey);
        const id = `${table.name}\u0000${JSON.stringify(Object.values(key))}`;
        const current = touched.has(id) ? touched.get(id)! : (view.get(table.name, key) ?? null);
        const since = current === null ? null : (current[VALID_FROM] as string | null);
        const from = since !== null && since > day ? since : day;
        const history = historyTable(table.name);
        const closing: RowChange | undefined = since !== null && since !== from ? { kind: 'upsert', table: history, row: { ...key, [VALID_FROM]: since, [VALID_TO]: from } } : undefined;
        if (change.kind === 'upsert') {
          const next: Record<string, SqlValue> = { ...empty.get(table.name), ...current, ...change.row, [VALID_FROM]: from };
          if (closing) result.push(closing);
          result.push({ kind: 'upsert', table: table.name, row: { ...change.row, [VALID_FROM]: from } });
          result.push({ kind: 'upsert', table: history, row: { ...next, [VALID_TO]: null } });
          touched.set(id, next);
        } else {
          if (closing) result.push(closing);
          else if (since !== null) result.push({ kind: 'delete', table: history, key: { ...key, [VALID_FROM]: since } });
          result.push(change);
          touched.set(id, null);
        }
      }
      return result;
    },
  };
}

const asOfDays = new WeakMap<Database.Database, string>();

/**
 * Makes the `as_of_<table>` views of every table of `projections` that keeps its history, on this connection (temporary
 * views: they live as long as the connection, and may be created before their tables). Each selects the versions valid
 * at the end of the day `readAsOf` gives: `valid_from <= day < valid_to`.
 */
export function enableAsOf(db: Database.Database, projections: readonly Projection[]): void {
  // Declared deterministic so that SQLite evaluates it once per run of a statement (and can use it in an index range);
  // its value is the day of the `readAsOf` around that run.
  db.function('as_of_day', { deterministic: true }, () => {
    const day = asOfDays.get(db);
    if (day === undefined) throw new Error('as_of_ views are read inside readAsOf');
    return day;
  });
  for (const table of projections.flatMap((projection) => projection.tables)) {
    if (table.historyOf === undefined) continue;
    const columns = Object.keys(table.columns)
      .filter((column) => column !== VALID_TO)
      .map(quoteIdentifier)
      .join(', ');
    db.exec(
      `CREATE TEMP VIEW IF NOT EXISTS ${quoteIdentifier(asOfView(table.historyOf))} AS SELECT ${columns} FROM main.${quoteIdentifier(table.name)}
       WHERE ${VALID_FROM} <= as_of_day() AND (${VALID_TO} IS NULL OR ${VALID_TO} > as_of_day())`,
    );
  }
}

/** Runs `read` (synchronous: it must run its statements before returning) with the `as_of_` views showing `day`. */
export function readAsOf<T>(db: Database.Database, day: string, read: () => T): T {
  const outer = asOfDays.get(db);
  asOfDays.set(db, day);
  try {
    return read();
  } finally {
    if (outer === undefined) asOfDays.delete(db);
    else asOfDays.set(db, outer);
  }
}

/** The names of the tables of `projections` that keep their history. */
export function tablesWithHistory(projections: readonly Projection[]): Set<string> {
  return new Set(projections.flatMap((projection) => projection.tables.flatMap((table) => (table.historyOf === undefined ? [] : [table.historyOf]))));
}
