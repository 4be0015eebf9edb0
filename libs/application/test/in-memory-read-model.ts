import type { RecordedEvent } from '#eventstore';
import type { Projection, ReadModelView, Row, RowChange, TableDefinition } from '#projections';

const matches = (row: Row, where: Row): boolean => Object.entries(where).every(([column, value]) => row[column] === value);

/**
 * A projection's tables in memory, with the runner's semantics: `upsert` merges the given columns into the row
 * with the same primary key (inserting it when missing); `delete` removes the rows matching the key.
 */
export class InMemoryReadModel implements ReadModelView {
  private readonly rows = new Map<string, Row[]>();
  private readonly definitions: Map<string, TableDefinition>;

  constructor(private readonly projection: Projection) {
    this.definitions = new Map(projection.tables.map((table) => [table.name, table]));
    for (const table of projection.tables) this.rows.set(table.name, []);
  }

  /** Projects the events of the types the projection handles, in order; returns every change it asked for. */
  project(events: readonly RecordedEvent[]): RowChange[] {
    const changes: RowChange[] = [];
    for (const event of events) {
      if (!this.projection.eventTypes.includes(event.type)) continue;
      for (const change of this.projection.project(event, this)) {
        this.apply(change);
        changes.push(change);
      }
    }
    return changes;
  }

  get(table: string, key: Row): Row | undefined {
    return this.table(table).find((row) => matches(row, key));
  }

  find(table: string, where: Row): Row[] {
    return this.table(table).filter((row) => matches(row, where));
  }

  all(table: string): Row[] {
    return [...this.table(table)];
  }

  private apply(change: RowChange): void {
    const rows = this.table(change.table);
    if (change.kind === 'delete') {
      this.rows.set(
        change.table,
        rows.filter((row) => !matches(row, change.key)),
      );
      return;
    }
    const definition = this.definitions.get(change.table)!;
    const key = Object.fromEntries(definition.primaryKey.map((column) => [column, change.row[column] ?? null]));
    const index = rows.findIndex((row) => matches(row, key));
    if (index < 0) rows.push(change.row);
    else rows[index] = { ...rows[index], ...change.row };
  }

  private table(name: string): Row[] {
    const rows = this.rows.get(name);
    if (!rows) throw new Error(`Projection '${this.projection.name}' does not own a table named '${name}'`);
    return rows;
  }
}
