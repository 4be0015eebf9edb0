import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SqliteEventStore } from '#eventstore';
import { ProjectionRunner, ReadModelStore } from '#projections';
import { builtFile } from '../../../test/support/built.js';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';
import { countingProjection } from './counting-projection.js';

const TOTAL = 20_000;
const CHILD = join(import.meta.dirname, 'fixtures', 'runner-child.mjs');

function readCounts(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const checkpoint = db.prepare("SELECT position FROM projection_checkpoints WHERE name = 'counting'").get() as
      | { position: string | null }
      | undefined;
    const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'event_count'").get() !== undefined;
    if (!hasTables) return { checkpoint: 0, total: 0, rows: 0, distinct: 0 };
    return {
      checkpoint: Number(checkpoint?.position ?? 0),
      total: (db.prepare("SELECT total FROM event_count WHERE id = 'all'").get() as { total: number } | undefined)?.total ?? 0,
      rows: (db.prepare('SELECT count(*) AS c FROM counted_events').get() as { c: number }).c,
      distinct: (db.prepare('SELECT count(DISTINCT n) AS c FROM counted_events').get() as { c: number }).c,
    };
  } finally {
    db.close();
  }
}

describe('projection runner killed mid-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDataDir('npa-crash-');
  });
  afterEach(() => removeDir(dir));

  it('loses nothing and applies nothing twice when the process is SIGKILLed between batches', async () => {
    const eventsPath = join(dir, 'events.sqlite');
    const readModelsPath = join(dir, 'read-models.sqlite');
    const store = SqliteEventStore.open({ path: eventsPath });
    for (let start = 0; start < TOTAL; start += 500) {
      await store.append(
        `thing-${start}`,
        Array.from({ length: 500 }, (_, i) => ({
          id: randomUUID(),
          type: 'ThingHappened',
          data: { n: start + i },
          metadata: { correlationId: randomUUID(), occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
        })),
      );
    }
    const modules = ['libs/eventstore/src/index.js', 'libs/projections/src/index.js'].map((f) => pathToFileURL(builtFile(f)).href);
    const child = spawn(process.execPath, [CHILD, ...modules, eventsPath, readModelsPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const deadline = Date.now() + 20_000;
    let seen = readCounts(readModelsPath);
    while (seen.checkpoint < 2000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen = readCounts(readModelsPath);
    }
    child.kill('SIGKILL');
    await exited;

    const afterKill = readCounts(readModelsPath);
    expect(afterKill.checkpoint).toBeGreaterThan(0);
    expect(afterKill.checkpoint).toBeLessThan(TOTAL);
    expect(afterKill.total).toBe(afterKill.checkpoint);
    expect(afterKill.rows).toBe(afterKill.checkpoint);
    expect(afterKill.distinct).toBe(afterKill.checkpoint);

    const readModels = ReadModelStore.open({ path: readModelsPath });
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()] });
    await runner.start();
    expect(await runner.waitFor(BigInt(TOTAL), 30_000)).toBe(true);
    await runner.stop();
    readModels.close();
    await store.close();
    expect(readCounts(readModelsPath)).toEqual({ checkpoint: TOTAL, total: TOTAL, rows: TOTAL, distinct: TOTAL });
  }, 60_000);
});
