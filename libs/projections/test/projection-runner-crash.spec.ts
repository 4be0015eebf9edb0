import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Position, SqliteEventStore } from '#eventstore';
import { ProjectionRunner, ReadModelStore } from '#projections';
import { builtFile } from '../../../test/support/built.js';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';
import { countingProjection } from './counting-projection.js';
import { seedThings } from './things.js';

const TOTAL = 20_000;
const CHILD = join(import.meta.dirname, 'fixtures', 'runner-child.mjs');

/**
 * What the read-model file holds, read through its own read-only connection (as another process would): the version
 * being built while there is one (its checkpoint in `projection_builds`), else the one that serves.
 */
function readFile(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const of = (table: string) =>
      db.prepare(`SELECT position, generation FROM ${table} WHERE name = 'counting'`).get() as
        { position: string | null; generation: number } | undefined;
    const row = of('projection_builds') ?? of('projection_checkpoints');
    const checkpoint = row?.position ? BigInt(row.position) : undefined;
    const suffix = row === undefined || row.generation === 0 ? '' : `__g${row.generation}`;
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(`event_count${suffix}`) === undefined) {
      return { checkpoint, total: 0, rows: 0, distinct: 0, last: null };
    }
    const total =
      (db.prepare(`SELECT total FROM event_count${suffix} WHERE id = 'all'`).get() as { total: number } | undefined)?.total ?? 0;
    const rows = db
      .prepare(`SELECT count(*) AS rows, count(DISTINCT n) AS distinct_n, max(position) AS last FROM counted_events${suffix}`)
      .get() as {
      rows: number;
      distinct_n: number;
      last: number | null;
    };
    return { checkpoint, total, rows: rows.rows, distinct: rows.distinct_n, last: rows.last };
  } finally {
    db.close();
  }
}

/** Resolves once the child says it started; rejects with its exit code when it dies first. */
function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code, signal) => reject(new Error(`the runner child exited before starting (code ${code}, signal ${signal})`)));
  });
}

describe('projection runner killed mid-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDataDir('npa-crash-');
  });
  afterEach(() => removeDir(dir));

  it('loses nothing and applies nothing twice when its process is SIGKILLed', async () => {
    // Fails (never skips) without the build: the child process runs the compiled JavaScript.
    const modules = ['libs/eventstore/src/index.js', 'libs/projections/src/index.js'].map((file) => pathToFileURL(builtFile(file)).href);
    const eventsPath = join(dir, 'events.sqlite');
    const readModelsPath = join(dir, 'read-models.sqlite');
    const store = SqliteEventStore.open({ path: eventsPath });
    await seedThings(store, TOTAL);
    const positions = (await store.readAll()).map((event) => event.position);
    const eventsUpTo = (checkpoint: Position | undefined) =>
      positions.filter((position) => checkpoint !== undefined && position <= checkpoint).length;

    const child = spawn(process.execPath, [CHILD, ...modules, eventsPath, readModelsPath, '100'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await started(child);
      const deadline = Date.now() + 20_000;
      while (eventsUpTo(readFile(readModelsPath).checkpoint) < 2000 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
    }

    const afterKill = readFile(readModelsPath);
    const applied = eventsUpTo(afterKill.checkpoint);
    expect(applied).toBeGreaterThanOrEqual(2000);
    expect(applied).toBeLessThan(TOTAL);
    expect(afterKill).toEqual({
      checkpoint: afterKill.checkpoint,
      total: applied,
      rows: applied,
      distinct: applied,
      last: Number(afterKill.checkpoint),
    });

    const readModels = ReadModelStore.open({ path: readModelsPath });
    const runner = new ProjectionRunner({ store, readModels, projections: [countingProjection()], batchSize: 100 });
    await runner.start();
    expect(await runner.waitFor(positions.at(-1)!, 30_000)).toBe(true);
    await runner.stop();
    readModels.close();
    await store.close();
    expect(readFile(readModelsPath)).toEqual({
      checkpoint: positions.at(-1),
      total: TOTAL,
      rows: TOTAL,
      distinct: TOTAL,
      last: Number(positions.at(-1)),
    });
  });
});
