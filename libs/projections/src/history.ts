import type Database from 'better-sqlite3';
import type { RecordedEvent } from '#eventstore';
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
      // Each index of the table, then the days: a query on the versions valid on a day reads the index alone until it
      // finds them.
      indexes: (table.indexes ?? []).map((index) => [...index, VALID_FROM, VALID_TO]),
      historyOf: table.name,
    };
    return [current, history];
  });
}

/**
 * The day a change to `row` (as it stands, undefined when there is none yet) by `event` counts from: the event's day,
 * or the day of the row's current version when the event is dated before it (a row's history never goes backwards).
 */
export function versionDay(event: RecordedEvent, row: Row | undefined | null): string {
  const day = event.metadata.occurredAt.slice(0, 10);
  const since = row?.[VALID_FROM];
  return typeof since === 'string' && since > day ? since : day;
}

/** A kept table, with what its history needs, worked out once. */
interface Kept {
  readonly table: TableDefinition;
  readonly history: string;
  /** Every column null: the base of a row written whole. */
  readonly empty: Row;
  /** The primary key of a row or key given, and a string for it. */
  keyOf(row: Row): { key: Record<string, SqlValue>; id: string };
}

function kept(table: TableDefinition): Kept {
  const [single, ...others] = table.primaryKey;
  return {
    table,
    history: historyTable(table.name),
    empty: Object.fromEntries(Object.keys(table.columns).map((column) => [column, null])),
    keyOf:
      others.length === 0
        ? (row) => ({ key: { [single!]: row[single!] ?? null }, id: String(row[single!]) })
        : (row) => {
            const key: Record<string, SqlValue> = {};
            let id = '';
            for (const column of table.primaryKey) {
              key[column] = row[column] ?? null;
              id += `${String(row[column])}\u0000`;
            }
            return { key, id };
          },
  };
}

/**
 * The projection with the named tables keeping their history: each change the projector asks for on such a table is
 * applied to the table as asked, and to its history — the version it ends is closed on the event's day and the new
 * one written whole (a change on the version's own day merges into it). Deletes must name the primary key exactly.
 */
export function keepingHistory(projection: Projection, tables: readonly string[]): Projection {
  const keptTables = new Map(projection.tables.filter((table) => tables.includes(table.name)).map((table) => [table.name, kept(table)]));
  const missing = tables.find((name) => !keptTables.has(name));
  if (missing) throw new Error(`Projection '${projection.name}' has no table '${missing}' to keep the history of`);
  return {
    ...projection,
    tables: withHistoryTables(projection.tables, new Set(keptTables.keys())),
    project(event, view: ReadModelView): readonly RowChange[] {
      const changes = projection.project(event, view);
      if (!changes.some((change) => keptTables.has(change.table))) return changes;
      const result: RowChange[] = [];
      // Rows this event changed already, as they now stand (null: deleted), by table and key.
      let touched: Map<string, Row | null> | undefined;
      for (const change of changes) {
        const table = keptTables.get(change.table);
        if (!table) {
          result.push(change);
          continue;
        }
        const given = change.kind === 'upsert' ? change.row : change.key;
        const { primaryKey } = table.table;
        if (
          change.kind === 'delete' &&
          (Object.keys(given).length !== primaryKey.length || !primaryKey.every((column) => column in given))
        ) {
          throw new Error(`A delete from '${table.table.name}', which keeps its history, must name its primary key exactly`);
        }
        const { key, id } = table.keyOf(given);
        const seen = touched?.get(`${change.table}\u0000${id}`);
        const current = seen !== undefined ? seen : (view.get(change.table, key) ?? null);
        const since = current === null ? null : (current[VALID_FROM] as string | null);
        const from = versionDay(event, current);
        // Rows are built with Object.assign: much faster than spreads here, on a path taken for every event.
        if (since !== null && since !== from)
          result.push({ kind: 'upsert', table: table.history, row: Object.assign({}, key, { valid_from: since, valid_to: from }) });
        if (change.kind === 'upsert') {
          result.push({ kind: 'upsert', table: change.table, row: Object.assign({}, change.row, { valid_from: from }) });
          // A new version is written whole; a change on the version's own day merges into it.
          const sameDay = since === from;
          const next: Record<string, SqlValue> = sameDay
            ? Object.assign({}, current, change.row)
            : Object.assign({}, table.empty, current, change.row, { valid_from: from });
          result.push({
            kind: 'upsert',
            table: table.history,
            row: sameDay ? Object.assign({}, key, change.row, { valid_from: from }) : Object.assign({}, next, { valid_to: null }),
          });
          (touched ??= new Map()).set(`${change.table}\u0000${id}`, next);
        } else {
          if (since !== null && since === from)
            result.push({ kind: 'delete', table: table.history, key: Object.assign({}, key, { valid_from: since }) });
          result.push(change);
          (touched ??= new Map()).set(`${change.table}\u0000${id}`, null);
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
  return new Set(
    projections.flatMap((projection) => projection.tables.flatMap((table) => (table.historyOf === undefined ? [] : [table.historyOf]))),
  );
}
