import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type RecordedEvent, SqliteEventStore, WrongExpectedVersionError } from '#eventstore';
import { builtFile } from '../../../test/support/built.js';
import { removeDir, tempDataDir } from '../../../test/support/temp-dir.js';
import { describeEventStoreConformance, event, events } from './event-store.conformance.js';

const CHILD = join(import.meta.dirname, 'fixtures', 'append-child.mjs');

describeEventStoreConformance('sqlite', async () => {
  const dir = tempDataDir('npa-es-');
  const store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
  return {
    store,
    dispose: async () => {
      await store.close();
      removeDir(dir);
    },
  };
});

describe('sqlite event store', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = tempDataDir('npa-es-');
    path = join(dir, 'events.sqlite');
  });
  afterEach(() => removeDir(dir));

  const childModule = () => pathToFileURL(builtFile('libs/eventstore/src/index.js')).href;

  it('commits appends that arrive together in one transaction, each with its own outcome', async () => {
    const store = SqliteEventStore.open({ path });
    await store.append('race-1', events(1), 'no_stream');
    const before = store.stats();
    const contenders = Array.from({ length: 8 }, () => store.append('race-1', events(1), 0n));
    const independent = Array.from({ length: 24 }, (_, n) => store.append(`solo-${n}`, events(2), 'no_stream'));
    const outcomes = await Promise.allSettled([...contenders, ...independent]);
    const after = store.stats();
    expect(after.commits - before.commits).toBe(1);
    expect(outcomes.slice(0, 8).filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.slice(0, 8).filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    }
    expect(outcomes.slice(8).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(await store.readAll()).toHaveLength(1 + 1 + 48);
    await store.close();
  });

  it('keeps its events across reopening the file', async () => {
    const first = SqliteEventStore.open({ path });
    const appended = events(5);
    await first.append('kept-1', appended);
    await first.close();
    const second = SqliteEventStore.open({ path });
    expect((await second.readStream('kept-1')).map((e) => e.id)).toEqual(appended.map((e) => e.id));
    await expect(second.append('kept-1', events(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await second.close();
  });

  // Nothing here depends on the machine's speed: only jest's global timeout bounds a test that would otherwise hang.
  it("delivers another process's appends on the same file to a live subscription, by polling the file", async () => {
    const store = SqliteEventStore.open({ path, pollIntervalMs: 100 });
    await store.append('mine-1', [event()]);
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(undefined, (batch) => {
      received.push(...batch);
    });
    const child = spawn(process.execPath, [CHILD, childModule(), path, '20'], { stdio: 'inherit' });
    await new Promise((resolve) => child.once('exit', resolve));
    while (received.length < 21) await new Promise((r) => setTimeout(r, 10));
    await subscription.close();
    expect(received).toHaveLength(21);
    expect(received.filter((e) => e.stream === 'child-1').map((e) => (e.data as { n: number }).n)).toEqual(
      Array.from({ length: 20 }, (_, n) => n),
    );
    await store.close();
  });

  it('loses no acknowledged append when the writing process is killed', async () => {
    const acked: string[] = [];
    const child = spawn(process.execPath, [CHILD, childModule(), path, 'forever'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    // Killed after 100 acknowledged appends, or sooner on a slow disk once 15 s have passed with at least one: what is
    // checked is that every acknowledged append is there, however many there were.
    let firstAck: number | undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let killed = false;
    await new Promise<void>((resolve, reject) => {
      void exited.then(() => killed || reject(new Error(`child exited early with ${child.exitCode}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        // Output still buffered when the child was killed arrives afterwards: it changes nothing.
        if (killed) return;
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (acked.length > 0) firstAck ??= Date.now();
        if (acked.length >= 100 || (firstAck !== undefined && Date.now() - firstAck > 15_000)) {
          killed = true;
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await exited;
    const store = SqliteEventStore.open({ path });
    const stored = new Set((await store.readAll()).map((e) => e.id));
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    await store.close();
  });

  it('refuses appends after close with an unavailable error', async () => {
    const store = SqliteEventStore.open({ path });
    await store.close();
    await expect(store.append('late-1', events(1))).rejects.toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
  });
});
