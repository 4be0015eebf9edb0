import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { separatelyBuiltProjections } from '#application/read-model-projections';
import { type ProjectionBuilder, begunBuild, besideReadModels, buildsEverythingFromScratch } from '#projections';
import type { PlatformConfig } from './config.js';
import { eventLogPath } from './data-files.js';
import { readModelPath } from './read-models.js';

/** What the build thread is given. */
export interface BuildJob {
  readonly dataDir: string;
  readonly eventStoreUrl: string | undefined;
  readonly logLevel: string;
  readonly service: string;
  readonly names: readonly string[];
  readonly path: string;
}

const WORKER = new URL('./projection-build-worker.js', import.meta.url);

/**
 * The young generation of the build thread, as the process's `--max-semi-space-size=32` gives the main thread: a
 * batch's decoded events and rows die young instead of being promoted.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * Builds the read models named by `separatelyBuiltProjections` on a worker thread, so that a large log is projected
 * on two cores. Undefined when the worker's compiled module is missing (code run from the TypeScript sources): the
 * runner then builds everything on its own thread.
 */
export function threadBuilder(config: Pick<PlatformConfig, 'dataDir' | 'eventStoreUrl' | 'logLevel'>, service: string): ProjectionBuilder | undefined {
  if (!existsSync(fileURLToPath(WORKER))) return undefined;
  return {
    names: separatelyBuiltProjections,
    build: ({ names: building, path, signal }) =>
      new Promise<void>((resolve, reject) => {
        const job: BuildJob = { dataDir: config.dataDir, eventStoreUrl: config.eventStoreUrl, logLevel: config.logLevel, service, names: building, path };
        const worker = new Worker(WORKER, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        const abort = () => void worker.terminate();
        signal.addEventListener('abort', abort, { once: true });
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => {
          signal.removeEventListener('abort', abort);
          reject(new Error(`the build thread exited (code ${code}) before it had built ${building.join(', ')}`));
        });
      }),
  };
}

/**
 * The `threadBuilder` of a long-running process (the api), called first thing at start-up: when the process will
 * find no read models at all and there are events to build them from, the build thread starts at once, while the
 * rest of the process loads, and the runner takes that build over when it starts (`begunBuild`).
 */
export function startBuildThread(config: Pick<PlatformConfig, 'dataDir' | 'eventStoreUrl' | 'logLevel'>, service: string): ProjectionBuilder | undefined {
  const builder = threadBuilder(config, service);
  const path = readModelPath(config.dataDir);
  const events = config.eventStoreUrl === undefined ? existsSync(eventLogPath(config.dataDir)) : config.eventStoreUrl !== 'memory:';
  return builder && events && buildsEverythingFromScratch(path) ? begunBuild(builder, besideReadModels(path)) : builder;
}
