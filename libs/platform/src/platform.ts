import type { EventStore } from '#eventstore';
import { type Projection, ProjectionRunner, type ReadModelStore } from '#projections';
import {
  keepCommandLedger,
  type KeyStore,
  MemoryKeyStore,
  readModelProjections,
  retiredProjections,
  SqliteCommandLedger,
} from '#application';
import type { PlatformConfig } from './config.js';
import { eventLogPath, isEsdbUrl, openEventStore } from './event-store-factory.js';
import { EsdbKeyStore } from './personal-data/esdb-key-store.js';
import { keyFilePath, SqliteKeyStore } from './personal-data/sqlite-key-store.js';
import type { Logger } from './logger.js';
import { openReadModels } from './read-models.js';

/** Everything a process of the platform runs on: the event store, its read models and their runner. */
export interface Platform {
  readonly config: PlatformConfig;
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly runner: ProjectionRunner;
  /** The per-person keys that seal personal data. */
  readonly keys: KeyStore;
  /** Stops the runner, then closes the read models and the event store. */
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Wraps the event store (metrics, tracing) before anything else uses it. */
  readonly decorateStore?: (store: EventStore) => EventStore;
  readonly projections?: readonly Projection[];
  /**
   * SQLite files checkpointed on worker threads, off the event loop (see BackgroundCheckpoints): for a long-running
   * server such as the api; a short CLI run has nothing to gain from starting the workers.
   */
  readonly backgroundCheckpoints?: boolean;
}

/** Opens the platform's stores as the configuration says; the runner is created but not started. */
export function openPlatform(config: PlatformConfig, logger: Logger, options: PlatformOptions = {}): Platform {
  const raw = openEventStore(config, { backgroundCheckpoints: options.backgroundCheckpoints });
  const store = options.decorateStore ? options.decorateStore(raw) : raw;
  const readModels = openReadModels(config, { backgroundCheckpoints: options.backgroundCheckpoints });
  if (readModels.discardedUnfinishedBuild) {
    logger.warn(
      { dataDir: config.dataDir },
      'the read models were being built when the process last stopped (unsynced): building them again from the log',
    );
  }
  const keys = openKeyStore(config);
  // Client command ids already used, which the command kernel consults (the same id for another command is refused).
  keepCommandLedger(store, new SqliteCommandLedger(readModels.db));
  const runner = new ProjectionRunner({
    store,
    readModels,
    projections: [...(options.projections ?? readModelProjections)],
    retired: retiredProjections,
    logger: logger.child({ component: 'projections' }),
  });
  let closing: Promise<void> | undefined;
  return {
    config,
    store,
    readModels,
    runner,
    keys,
    close: () =>
      (closing ??= (async () => {
        await runner.stop();
        readModels.close();
        if (keys instanceof SqliteKeyStore || keys instanceof EsdbKeyStore) await keys.close();
        await store.close();
      })()),
  };
}

/** The personal-data keys and the subject index live beside the events: in a file of their own, or in the EventStoreDB cluster. */
function openKeyStore(config: PlatformConfig): KeyStore {
  const url = config.eventStoreUrl;
  if (url === undefined) return new SqliteKeyStore(keyFilePath(config.dataDir), { migrateFrom: eventLogPath(config.dataDir) });
  if (isEsdbUrl(url)) return new EsdbKeyStore(url);
  return new MemoryKeyStore();
}
