import type { KeyOf, ReadModelView, Row, RowChange, RowOf, TableShape } from '#projections';

/**
 * Typed access to a projection's own tables, named by their definitions (`defineTable`): what a projector reads and
 * writes is checked against the table's columns, so a misspelt column or a value of the wrong type does not compile.
 */
export interface TypedView {
  /** The row with that primary key, as it stands (changes earlier in the batch included). */
  get<T extends TableShape>(table: T, key: KeyOf<T>): RowOf<T> | undefined;
  /** The rows whose columns equal every value of `where`. */
  find<T extends TableShape>(table: T, where: Partial<RowOf<T>>): RowOf<T>[];
}

/** The view a projector is given, typed by table definitions. */
export const typed = (view: ReadModelView): TypedView => ({
  get: <T extends TableShape>(table: T, key: KeyOf<T>) => view.get(table.name, key as Row) as RowOf<T> | undefined,
  find: <T extends TableShape>(table: T, where: Partial<RowOf<T>>) => view.find(table.name, where as Row) as RowOf<T>[],
});

/** Merges `row` (its primary key and the columns it sets) into the table's row with that key, inserting it when missing. */
export const upsert = <T extends TableShape>(table: T, row: KeyOf<T> & Partial<RowOf<T>>): RowChange => ({
  kind: 'upsert',
  table: table.name,
  row: row as Row,
});

/** Removes the table's rows whose columns equal every value of `key`. */
export const remove = <T extends TableShape>(table: T, key: Partial<RowOf<T>>): RowChange => ({
  kind: 'delete',
  table: table.name,
  key: key as Row,
});
