import type Database from 'better-sqlite3';
import type { Position } from '#eventstore';
import { BUILDS_TABLE, CHECKPOINTS_TABLE, type CheckpointTable } from './checkpoint-table.js';
import type { Projection, TableDefinition } from './projection.js';
import { dropTable, quoteIdentifier } from './table-schema.js';

/**
 * Every build of a projection writes tables of its own, `<table>__g<generation>`, numbered across the file; readers
 * query `<table>`, a view of the tables of the version that serves. Generation 0 is a file from before generations,
 * whose tables carry the names readers query. See README.md.
 */
export const physicalName = (table: string, generation: number): string => (generation === 0 ? table : `${table}__g${generation}`);

const GENERATION_SUFFIX = /__g\d+$/;

/** Whether a name could be a generation's table (which no projection may name a table). */
export const isGenerationName = (name: string): boolean => GENERATION_SUFFIX.test(name);

/** The table definitions of one generation of a projection. */
export function generationTables(projection: Projection, generation: number): TableDefinition[] {
  return projection.tables.map((table) => ({
    ...table,
    name: physicalName(table.name, generation),
    ...(table.historyOf === undefined ? {} : { historyOf: physicalName(table.historyOf, generation) }),
  }));
}

/** The projection as one generation of it: its tables renamed (for the schema functions). */
export const atGeneration = (projection: Projection, generation: number): Projection => ({
  name: projection.name,
  version: projection.version,
  eventTypes: projection.eventTypes,
  project: (event, view) => projection.project(event, view),
  tables: generationTables(projection, generation),
});

export const tableNames = (projection: Projection): string[] => projection.tables.map((table) => table.name);

/** The next generation for a build: one past every generation the file records, served or being built. */
export function nextGeneration(db: Database.Database): number {
  const row = db
    .prepare<[], { last: number | null }>(
      `SELECT max(generation) AS last FROM (SELECT generation FROM ${CHECKPOINTS_TABLE} UNION ALL SELECT generation FROM ${BUILDS_TABLE})`,
    )
    .get();
  return (row?.last ?? 0) + 1;
}

/** What readers are answered from while a projection has no complete version: an error naming it. */
export class ReadModelUnavailableError extends Error {
  readonly code = 'UNAVAILABLE';
  constructor(readonly projection: string) {
    super(
      `The '${projection}' read model is being built from the event log and has no complete version yet, so this cannot be answered now; retry shortly (/health shows the build).`,
    );
    this.name = 'ReadModelUnavailableError';
  }
}

const UNAVAILABLE_FUNCTION = 'read_model_unavailable';

/** The SQL function the placeholder views call; every connection that reads them needs it. */
export function registerUnavailable(db: Database.Database): void {
  db.function(UNAVAILABLE_FUNCTION, { deterministic: false }, (name: unknown) => {
    throw new ReadModelUnavailableError(String(name));
  });
}

const isView = (db: Database.Database, name: string): boolean =>
  db.prepare<[string]>("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?").get(name) !== undefined;

/** Drops what readers query by that name: a view, or a table of a file from before generations. */
export function dropReaderName(db: Database.Database, name: string): void {
  if (isView(db, name)) db.exec(`DROP VIEW ${quoteIdentifier(name)}`);
  else dropTable(db, name);
}

/**
 * Readers of a projection without a complete version: each of its tables a view of no rows whose reading throws
 * `ReadModelUnavailableError`.
 */
export function placeholders(db: Database.Database, projection: Projection): void {
  for (const table of projection.tables) {
    const columns = Object.entries(table.columns).map(([column, type]) => `CAST(NULL AS ${type}) AS ${quoteIdentifier(column)}`);
    dropReaderName(db, table.name);
    db.exec(
      `CREATE VIEW ${quoteIdentifier(table.name)} AS SELECT ${columns.join(', ')} WHERE ${UNAVAILABLE_FUNCTION}('${projection.name}')`,
    );
  }
}

const tableNamed = (db: Database.Database, name: string): boolean =>
  db.prepare<[string]>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * Drops the tables of one generation, and the views readers query them through. For generation 0 these are the
 * projection's tables as now defined (the file does not say which others it had).
 */
export function dropGeneration(db: Database.Database, tables: readonly string[], generation: number): void {
  const names =
    generation === 0
      ? tables.filter((name) => tableNamed(db, name))
      : db
          .prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\'")
          .all(`%\\_\\_g${generation}`)
          .map((row) => row.name)
          .filter((name) => name.endsWith(`__g${generation}`));
  for (const name of names) {
    const logical = name.replace(GENERATION_SUFFIX, '');
    if (generation > 0 && isView(db, logical)) db.exec(`DROP VIEW ${quoteIdentifier(logical)}`);
    dropTable(db, name);
  }
}

/** A version of a projection held in the file. */
export interface Held {
  readonly version: number;
  readonly generation: number;
  readonly position: Position | undefined;
}

/**
 * The build `to` takes over from `from` (none: the placeholders) in one transaction: the views readers query are
 * pointed at its tables, its checkpoint becomes the one that serves, and the tables of `from` are dropped. A reader
 * sees either the previous version or this one, never a mix.
 */
export function takeOver(
  db: Database.Database,
  files: { readonly checkpoints: CheckpointTable; readonly builds: CheckpointTable },
  projection: Projection,
  from: Held | undefined,
  to: Held,
): void {
  db.transaction(() => {
    if (from !== undefined) dropGeneration(db, tableNames(projection), from.generation);
    for (const table of projection.tables) {
      dropReaderName(db, table.name);
      db.exec(`CREATE VIEW ${quoteIdentifier(table.name)} AS SELECT * FROM ${quoteIdentifier(physicalName(table.name, to.generation))}`);
    }
    files.checkpoints.reset(projection.name, to.version, to.generation);
    files.checkpoints.advance(projection.name, to.position);
    files.builds.remove(projection.name);
  })();
}
