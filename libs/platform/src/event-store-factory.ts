import { mkdirSync } from 'node:fs';
import { type EventStore, MemoryEventStore, SqliteEventStore } from '#eventstore';
import { EsdbEventStore } from '#eventstore/esdb/esdb-event-store';
import { ConfigError, type PlatformConfig } from './config.js';
import { eventLogPath } from './data-files.js';
import { eventUpcasters } from './event-upcasters.js';

export { eventLogPath } from './data-files.js';
export { eventUpcasters } from './event-upcasters.js';

/** EventStoreDB (KurrentDB) connection strings, with or without DNS discovery. */
export const isEsdbUrl = (url: string): boolean => /^(esdb|kurrentdb)(\+discover)?:\/\//.test(url);

/**
 * Opens the event store the configuration names: the embedded SQLite log unless `EVENTSTORE_URL` says otherwise.
 * `backgroundCheckpoints`: the SQLite log's WAL checkpoints on a worker thread (a long-running server).
 */
export function openEventStore(
  config: Pick<PlatformConfig, 'dataDir' | 'eventStoreUrl'>,
  { backgroundCheckpoints = false } = {},
): EventStore {
  const url = config.eventStoreUrl;
  if (url === undefined) {
    mkdirSync(config.dataDir, { recursive: true });
    return SqliteEventStore.open({ path: eventLogPath(config.dataDir), backgroundCheckpoints, upcasters: eventUpcasters });
  }
  if (url === 'memory:') return new MemoryEventStore({ upcasters: eventUpcasters });
  if (isEsdbUrl(url)) {
    try {
      return new EsdbEventStore({ connectionString: url, upcasters: eventUpcasters });
    } catch (error) {
      throw new ConfigError(`Invalid configuration: EVENTSTORE_URL: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new ConfigError(
    `Invalid configuration: EVENTSTORE_URL ${url.split('://')[0]}://… is not supported; use esdb://, kurrentdb:// or unset it`,
  );
}
