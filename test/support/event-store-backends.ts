import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EsdbTestCluster } from './esdb/server.js';

/** Where the api keeps its events in a test, what the test reads of them, and what it can do to the store. */
export interface EventStoreBackend {
  /** Starts the store if it is a server; the environment to start the api with. */
  start(): Promise<Record<string, string>>;
  /** The data (JSON) of every recorded event of this type, in log order. */
  recorded(dataDir: string, type: string): string[];
  /** Restarts the event store under the running api (EventStoreDB), or does nothing. */
  restartStore(): Promise<void>;
  stop(): Promise<void>;
}

/** The embedded SQLite log in DATA_DIR/events.sqlite. */
export const embeddedBackend: EventStoreBackend = {
  start: async () => ({}),
  recorded(dataDir, type) {
    const log = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    try {
      return (log.prepare('SELECT data FROM events WHERE type = ? ORDER BY position').all(type) as { data: string }[]).map(
        (row) => row.data,
      );
    } finally {
      log.close();
    }
  },
  restartStore: async () => undefined,
  stop: async () => undefined,
};

/** The EventStoreDB test server, one per backend. */
export function eventStoreDbBackend(): EventStoreBackend {
  let cluster: EsdbTestCluster | undefined;
  return {
    async start() {
      cluster = await EsdbTestCluster.start();
      return { EVENTSTORE_URL: cluster.connectionString() };
    },
    recorded: (_dataDir, type) => cluster!.log.records.filter((r) => r.type === type).map((r) => Buffer.from(r.data).toString('utf8')),
    restartStore: () => cluster!.restart(100),
    stop: async () => cluster?.stop(),
  };
}
