import type Database from 'better-sqlite3';
import type { ColumnType, Projection, TableDefinition } from './projection.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`'${name}' is not a valid read-model identifier (lower case, digits, _)`);
  return `"${name}"`;
}

/**
 * A table is a plain rowid table; its primary key is a unique index named `<table>_key` (see `createIndexes`), which
 * SQLite treats as a primary key would for upserts. Files made before hold an inline PRIMARY KEY instead, with the
 * same behaviour (see `tableMatches`).
 */
function createTable(table: TableDefinition): string {
  const columns = Object.entries(table.columns).map(([name, type]) => `${quoteIdentifier(name)} ${type}`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(table.name)} (${columns.join(', ')})`;
}

const keyIndexName = (table: TableDefinition): string => `${table.name}_key`;

function createIndexStatements(db: Database.Database, table: TableDefinition): string[] {
  const on = (columns: readonly string[]) => `${quoteIdentifier(table.name)} (${columns.map(quoteIdentifier).join(', ')})`;
  const key = hasInlineKey(db, table)
    ? []
    : [`CREATE UNIQUE INDEX IF NOT EXISTS ${quoteIdentifier(keyIndexName(table))} ON ${on(table.primaryKey)}`];
  return [
    ...key,
    ...(table.indexes ?? []).map(
      (index) => `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table.name}_by_${index.join('_')}`)} ON ${on(index)}`,
    ),
  ];
}

/**
 * Creates a projection's tables and (unless `indexes` is false) their indexes, the primary key's included, when
 * they are missing. A table filled from scratch is faster to fill without them: rows are appended instead of
 * placed at random in a B-tree (keys are mostly random UUIDs), and SQLite then builds each index in one sorted
 * pass. Meanwhile `RowWriter` finds rows by key through the rowids it keeps.
 */
export function createTables(db: Database.Database, projection: Projection, { indexes = true }: { indexes?: boolean } = {}): void {
  for (const table of projection.tables) db.exec(createTable(table));
  if (indexes) createIndexes(db, projection);
}

/** Creates the indexes of a projection's tables that are missing, the primary key's first. */
export function createIndexes(db: Database.Database, projection: Projection): void {
  for (const table of projection.tables) for (const sql of createIndexStatements(db, table)) db.exec(sql);
}

/** Drops a table, its indexes with it, if it exists. */
export function dropTable(db: Database.Database, name: string): void {
  db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
}

/** Drops a projection's tables. */
export function dropTables(db: Database.Database, projection: Projection): void {
  for (const table of projection.tables) dropTable(db, table.name);
}

interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  /** 1-based place in the primary key, 0 when not part of it. */
  readonly pk: number;
}

/** Whether a table of that name exists in the file. */
export function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare<[string]>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * Whether the table in the file has exactly the columns, types and primary key of its definition: the key either
 * inline (files made before keys became indexes) or as the `<table>_key` index (missing while a table is filled).
 */
export function tableMatches(db: Database.Database, table: TableDefinition): boolean {
  const stored = db.prepare<[string], ColumnInfo>('SELECT name, type, pk FROM pragma_table_info(?)').all(table.name);
  const columns = Object.entries(table.columns);
  if (stored.length !== columns.length) return false;
  const inlineKey = stored.some((column) => column.pk > 0);
  const typed = columns.every(([name, type]) => {
    const column = stored.find((info) => info.name === name);
    return column !== undefined && column.type.toUpperCase() === type && column.pk === (inlineKey ? table.primaryKey.indexOf(name) + 1 : 0);
  });
  if (!typed || inlineKey) return typed;
  const index = db
    .prepare<[string, string], { isUnique: number }>('SELECT "unique" AS isUnique FROM pragma_index_list(?) WHERE name = ?')
    .get(table.name, keyIndexName(table));
  if (index === undefined) return true; // stopped while filling: `createTables` adds it
  const keyed = db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(keyIndexName(table));
  return index.isUnique === 1 && keyed.map((column) => column.name).join('\u0000') === table.primaryKey.join('\u0000');
}

/** Whether the table was made with an inline PRIMARY KEY (before keys became indexes); it then needs no key index. */
function hasInlineKey(db: Database.Database, table: TableDefinition): boolean {
  return db.prepare<[string]>('SELECT 1 FROM pragma_table_info(?) WHERE pk > 0').get(table.name) !== undefined;
}

/** Every table of the projection exists as defined (a missing or reshaped table means its rows cannot be trusted). */
export function tablesMatch(db: Database.Database, projection: Projection): boolean {
  return projection.tables.every((table) => tableMatches(db, table));
}

// Row types: a table defined with `defineTable` is the one source of the TypeScript type of its rows (`RowOf`).

declare const VALUE: unique symbol;
declare const NULLABLE: unique symbol;

/**
 * A column's SQLite type, carrying (for TypeScript only) the type of its values and whether it may hold null. At run
 * time it is the plain type name (`'TEXT'`): the table's DDL does not change.
 */
export type Column<Type extends ColumnType = ColumnType, Value = unknown, Nullable extends boolean = boolean> = Type & {
  readonly [VALUE]?: Value;
  readonly [NULLABLE]?: Nullable;
};

type NonNull<Type extends ColumnType, Value> = Column<Type, Value, false>;
type OrNull<Type extends ColumnType, Value> = Column<Type, Value, true>;

/** Column types for `defineTable`: `text()` holds strings, `text<Status>()` one of `Status`, `text.orNull()` also null. */
export const text = Object.assign(<Value extends string = string>() => 'TEXT' as NonNull<'TEXT', Value>, {
  orNull: <Value extends string = string>() => 'TEXT' as OrNull<'TEXT', Value>,
});
export const integer = Object.assign(<Value extends number = number>() => 'INTEGER' as NonNull<'INTEGER', Value>, {
  orNull: <Value extends number = number>() => 'INTEGER' as OrNull<'INTEGER', Value>,
});
export const real = Object.assign(<Value extends number = number>() => 'REAL' as NonNull<'REAL', Value>, {
  orNull: <Value extends number = number>() => 'REAL' as OrNull<'REAL', Value>,
});

type BaseValue<Type> = Type extends 'TEXT' ? string : Type extends 'INTEGER' | 'REAL' ? number : Type extends 'BLOB' ? Uint8Array : never;
type ValueOf<C> = C extends { readonly [VALUE]?: infer Value }
  ? unknown extends Value
    ? BaseValue<C>
    : Exclude<Value, undefined>
  : BaseValue<C>;
type NullOf<C> = C extends { readonly [NULLABLE]?: infer Nullable }
  ? true extends Nullable
    ? false extends Nullable
      ? never
      : null
    : never
  : never;

/** A table whose definition keeps its column names and types. */
export interface Table<
  Name extends string = string,
  Columns extends Readonly<Record<string, ColumnType>> = Readonly<Record<string, ColumnType>>,
  Key extends readonly (keyof Columns & string)[] = readonly (keyof Columns & string)[],
> extends TableDefinition {
  readonly name: Name;
  readonly columns: Columns;
  readonly primaryKey: Key;
  readonly indexes?: readonly (readonly (keyof Columns & string)[])[];
}

/** A table definition whose key and indexes name only its columns, and whose row type `RowOf` gives. */
export function defineTable<
  const Name extends string,
  const Columns extends Readonly<Record<string, ColumnType>>,
  const Key extends readonly (keyof Columns & string)[],
>(table: {
  readonly name: Name;
  readonly columns: Columns;
  readonly primaryKey: Key;
  readonly indexes?: readonly (readonly (keyof Columns & string)[])[];
}): Table<Name, Columns, Key> {
  return table;
}

/** The row of a table: each column's value, null where the column is declared `orNull`. */
export type RowOf<T extends Pick<TableShape, 'columns'>> = {
  -readonly [K in keyof T['columns']]: ValueOf<T['columns'][K]> | NullOf<T['columns'][K]>;
};

/** What `RowOf` and `KeyOf` need of a table. */
export interface TableShape {
  readonly name: string;
  readonly columns: Readonly<Record<string, ColumnType>>;
  readonly primaryKey: readonly string[];
}

/** The primary key of a table's rows. */
export type KeyOf<T extends TableShape> = Pick<RowOf<T>, Extract<T['primaryKey'][number], keyof RowOf<T>>>;
