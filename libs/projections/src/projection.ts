import type { RecordedEvent } from '#eventstore';

/** A value a read-model column can hold. */
export type SqlValue = string | number | bigint | null;

export type Row = Readonly<Record<string, SqlValue>>;

export type ColumnType = 'TEXT' | 'INTEGER' | 'REAL' | 'BLOB';

export interface TableDefinition {
  readonly name: string;
  readonly columns: Readonly<Record<string, ColumnType>>;
  readonly primaryKey: readonly string[];
  /** Secondary indexes, each a list of column names. */
  readonly indexes?: readonly (readonly string[])[];
  /** Set on a history table (`keepingHistory`): the table whose past versions it holds. */
  readonly historyOf?: string;
}

/**
 * A change a projector asks for. `upsert` merges the given columns (which include the primary key) into the row
 * with that key, inserting it when missing; `delete` removes the rows whose columns equal every value of `key`
 * (normally the primary key; at least one column).
 */
export type RowChange =
  | { readonly kind: 'upsert'; readonly table: string; readonly row: Row }
  | { readonly kind: 'delete'; readonly table: string; readonly key: Row };

/** Read-only view of the projection's own tables as they stand, including changes made earlier in the batch. */
export interface ReadModelView {
  get(table: string, key: Row): Row | undefined;
  /** Rows whose columns equal every value in `where`. */
  find(table: string, where: Row): Row[];
}

/**
 * A projection: a pure function from (event, current rows) to row changes, plus the event types it handles
 * and the tables it owns. Bump `version` whenever its tables or its logic change: the runner then rebuilds
 * it from the start of the log.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly TableDefinition[];
  readonly eventTypes: readonly string[];
  project(event: RecordedEvent, view: ReadModelView): readonly RowChange[];
}
