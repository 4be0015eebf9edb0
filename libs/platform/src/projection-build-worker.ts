/**
 * A worker thread that builds some read models from scratch into a file of their own (see `threadBuilder`): its own
 * connection to the event store, its own read-model file, the same projections and runner as the process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildFromScratch } from '#projections';
import { readModelProjections } from '#application/read-model-projections';
import { SqliteEventStore } from '#eventstore';
import { eventLogPath } from './data-files.js';
import { eventUpcasters } from './event-upcasters.js';
import { createLogger } from './logger.js';
import type { BuildJob } from './thread-builder.js';

const job = workerData as BuildJob;
const logger = createLogger(job.logLevel, job.service).child({ component: 'projections', thread: 'builder' });
// The embedded log directly; the factory (and the EventStoreDB client it loads, half a second) only when needed.
const store =
  job.eventStoreUrl === undefined
    ? SqliteEventStore.open({ path: eventLogPath(job.dataDir), upcasters: eventUpcasters })
    : (await import('./event-store-factory.js')).openEventStore({ dataDir: job.dataDir, eventStoreUrl: job.eventStoreUrl });
try {
  const projections = readModelProjections.filter((projection) => job.names.includes(projection.name));
  await buildFromScratch(store, projections, job.path, { logger });
} finally {
  await store.close();
}
parentPort!.postMessage('built');
