import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReadModelStore } from '#projections';
import type { PlatformConfig } from './config.js';

/** Where this process keeps its read models (every api instance has its own file). */
export const readModelPath = (dataDir: string): string => join(dataDir, 'read-models.sqlite');

/**
 * Read models follow the events: with a throw-away in-memory log they are in memory too. `backgroundCheckpoints`:
 * the file's WAL checkpoints on a worker thread (a long-running server).
 */
export function openReadModels(
  config: Pick<PlatformConfig, 'dataDir' | 'eventStoreUrl'>,
  { backgroundCheckpoints = false } = {},
): ReadModelStore {
  if (config.eventStoreUrl === 'memory:') return ReadModelStore.open({ path: ':memory:' });
  mkdirSync(config.dataDir, { recursive: true });
  return ReadModelStore.open({ path: readModelPath(config.dataDir), backgroundCheckpoints });
}
