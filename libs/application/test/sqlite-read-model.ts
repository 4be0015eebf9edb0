import Database from 'better-sqlite3';
import type { EventStore, Position } from '#eventstore';
import type { Projection, TableDefinition } from '#projections';
import { InMemoryReadModel } from './in-memory-read-model.js';

export function createTable(db: Database.Database, table: TableDefinition): void {
  const columns = Object.entries(table.columns).map(([name, type]) => `${name} ${type}`);
  db.exec(`CREATE TABLE ${table.name} (${columns.join(', ')}, PRIMARY KEY (${table.primaryKey.join(', ')}))`);
  for (const index of table.indexes ?? [])
    db.exec(`CREATE INDEX ${table.name}_by_${index.join('_')} ON ${table.name} (${index.join(', ')})`);
}

/**
 * A real better-sqlite3 `:memory:` database holding a projection's tables, created from its TableDefinitions, and
 * kept up to date from an event store by `catchUp()` (projected in memory, then copied over), so that the
 * SQLite readers can be tested without the projection runner.
 */
export class SqliteReadModel {
  readonly db = new Database(':memory:');
  private readonly model: InMemoryReadModel;
  private position: Position | undefined;

  constructor(private readonly projection: Projection) {
    this.model = new InMemoryReadModel(projection);
    for (const table of projection.tables) createTable(this.db, table);
  }

  async catchUp(store: EventStore): Promise<void> {
    const events = await store.readAll(this.position === undefined ? {} : { after: this.position });
    this.model.project(events);
    this.position = events.at(-1)?.position ?? this.position;
    this.db.transaction(() => {
      for (const table of this.projection.tables) {
        this.db.exec(`DELETE FROM ${table.name}`);
        const columns = Object.keys(table.columns);
        const insert = this.db.prepare(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of this.model.all(table.name)) insert.run(...columns.map((column) => row[column] ?? null));
      }
    })();
  }

  close(): void {
    this.db.close();
  }
}
