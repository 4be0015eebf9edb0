import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BackgroundCheckpoints, SqliteEventStore } from '#eventstore';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';
import { describeEventStoreConformance, event } from './event-store.conformance.js';

describeEventStoreConformance('sqlite with background checkpoints', async () => {
  const dir = tempDataDir('npa-es-bg-');
  const store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), pollIntervalMs: 20, backgroundCheckpoints: true });
  return {
    store,
    dispose: async () => {
      await store.close();
      removeDir(dir);
    },
  };
});

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** Waits until the condition holds, however long the worker takes on a busy machine (jest's global timeout bounds it). */
async function until(condition: () => boolean): Promise<boolean> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
  return true;
}

/** About 1 MB of events in `commits` separate appends. */
async function appendMegabyte(store: SqliteEventStore, commits = 64): Promise<void> {
  const filler = 'x'.repeat(Math.floor(1_048_576 / commits));
  await Promise.all(Array.from({ length: commits }, (_, n) => store.append(`thing-${n}`, [event('ThingHappened', { filler })], 'any')));
}

describe('background checkpoints', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = tempDataDir('npa-es-bg-');
    path = join(dir, 'events.sqlite');
  });
  afterEach(() => removeDir(dir));

  it('move committed pages into the database file on a worker thread, never by the writing connection', async () => {
    const store = SqliteEventStore.open({ path, backgroundCheckpoints: true });
    const before = sizeOf(path);
    await appendMegabyte(store);
    // SQLite's own checkpoint would wait for ~4 MB of WAL; the worker copies the pages within its interval.
    expect(await until(() => sizeOf(path) > before + 1_000_000)).toBe(true);
    await store.close();

    const reopened = SqliteEventStore.open({ path });
    expect(await reopened.readAll()).toHaveLength(64);
    await reopened.close();
  });

  it('without them, the same writes stay in the WAL (the writing connection checkpoints only at ~4 MB)', async () => {
    const store = SqliteEventStore.open({ path });
    const before = sizeOf(path);
    await appendMegabyte(store);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sizeOf(path)).toBeLessThan(before + 100_000);
    expect(sizeOf(`${path}-wal`)).toBeGreaterThan(1_000_000);
    await store.close();
  });

  it('keep the WAL small under a sustained stream of commits: it is reused from the start once checkpointed', async () => {
    const store = SqliteEventStore.open({ path, backgroundCheckpoints: true });
    const before = sizeOf(path);
    for (let round = 0; round < 16; round++) {
      await appendMegabyte(store, 16);
      // Until the worker has moved this round's megabyte into the database file, however long that takes.
      await until(() => sizeOf(path) > before + (round + 1) * 1_000_000);
    }
    // 16 MB written; without checkpoints the WAL would hold all of it.
    expect(sizeOf(`${path}-wal`)).toBeLessThan(8_000_000);
    expect(await store.readAll()).toHaveLength(256);
    await store.close();
  });

  it('hand checkpoints back to the writing connection while paused, after a stop and if the worker dies', async () => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 500');
    const autocheckpoint = () => Number(db.pragma('wal_autocheckpoint', { simple: true }));

    const checkpoints = BackgroundCheckpoints.start(db, { intervalMs: 20 });
    expect(autocheckpoint()).toBe(0);
    checkpoints.pause();
    expect([checkpoints.active, autocheckpoint()]).toEqual([false, 500]);
    checkpoints.resume();
    expect([checkpoints.active, autocheckpoint()]).toEqual([true, 0]);
    await checkpoints.stop();
    expect([checkpoints.active, autocheckpoint()]).toEqual([false, 500]);

    const failing = BackgroundCheckpoints.start(db, { intervalMs: 20 });
    expect(autocheckpoint()).toBe(0);
    // A worker that ends for any reason but stop() (here it is terminated) hands checkpoints back.
    await (failing as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(await until(() => autocheckpoint() === 500)).toBe(true);
    expect(failing.active).toBe(false);
    db.close();
  });
});
