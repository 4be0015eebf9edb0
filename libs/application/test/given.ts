import Database from 'better-sqlite3';
import type { RecordedEvent } from '#eventstore';
import { enableAsOf, type Projection, type Row, VALID_FROM } from '#projections';
import { readModelProjections } from '#application';
import { InMemoryReadModel } from './in-memory-read-model.js';
import { createTable } from './sqlite-read-model.js';

/** A row without the day its version began (`valid_from`, kept by tables that keep their history). */
const withoutDay = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([column]) => column !== VALID_FROM));

/**
 * Every read model the api keeps, projected in memory from the events given (`given(...)`, then `when(...)`): the rows
 * of any of their tables, and a SQLite database holding them for the readers.
 *
 *   const readModels = given(t.planDrafted('plan-1')).when(t.planAdopted('plan-1'));
 *   expect(readModels.row('plans', { plan_id: 'plan-1' })).toMatchObject({ status: 'ADOPTED' });
 */
export class GivenReadModels {
  private readonly models: Map<string, InMemoryReadModel>;
  private readonly owners = new Map<string, InMemoryReadModel>();

  constructor(private readonly projections: readonly Projection[]) {
    this.models = new Map(projections.map((projection) => [projection.name, new InMemoryReadModel(projection)]));
    for (const projection of projections)
      for (const table of projection.tables) this.owners.set(table.name, this.models.get(projection.name)!);
  }

  /** Projects more events into every read model. */
  when(...events: RecordedEvent[]): this {
    for (const model of this.models.values()) model.project(events);
    return this;
  }

  /** A table's rows, oldest first, without `valid_from` (see `history` for the days). */
  rows(table: string, where: Row = {}): Row[] {
    return this.owner(table).find(table, where).map(withoutDay);
  }

  /** The row with this key, if any, without `valid_from`. */
  row(table: string, key: Row): Row | undefined {
    const row = this.owner(table).get(table, key);
    return row && withoutDay(row);
  }

  /** The versions of a row kept by a table that keeps its history: `[valid_from, valid_to, column value]`, oldest first. */
  history(table: string, key: Row, column: string): [string | null, string | null, unknown][] {
    return this.owner(`${table}_history`)
      .find(`${table}_history`, key)
      .map((row) => [row['valid_from'] as string | null, row['valid_to'] as string | null, row[column]]);
  }

  /** A SQLite database holding every table as it stands now, with the `as_of_` views, for the readers. */
  database(): Database.Database {
    const db = new Database(':memory:');
    for (const projection of this.projections) {
      const model = this.models.get(projection.name)!;
      for (const table of projection.tables) {
        createTable(db, table);
        const columns = Object.keys(table.columns);
        const insert = db.prepare(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of model.all(table.name)) insert.run(...columns.map((column) => row[column] ?? null));
      }
    }
    enableAsOf(db, this.projections);
    return db;
  }

  private owner(table: string): InMemoryReadModel {
    const model = this.owners.get(table);
    if (!model) throw new Error(`No read model owns a table named '${table}'`);
    return model;
  }
}

/** Every read model the api registers, given these events. */
export const given = (...events: RecordedEvent[]): GivenReadModels => new GivenReadModels(readModelProjections).when(...events);
