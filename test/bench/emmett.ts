/**
 * The same append workloads on `@event-driven-io/emmett-sqlite` 0.38.5 (the `sqlite3` driver, WAL, the driver's
 * default `synchronous=FULL`), for comparison with our store.
 *
 * Emmett's SQLite store opens a connection for each call and closes it when the call ends, and that connection
 * is kept in one variable of the store: two overlapping calls on one store close each other's connection (they
 * fail with SQLITE_MISUSE). So concurrent writers either share one store and take turns (a lock around each
 * append: the headline 32-writer figure), or each use a store of their own, that is one connection each competing
 * for SQLite's write lock. A connection that does not get the lock within the driver's 1-second busy timeout
 * fails its append (emmett logs the error with `console.log`). The driver also runs every statement on libuv's small thread pool, where connections waiting for the
 * lock hold up the one that has it, so with 32 connections almost every attempt fails.
 *
 * Even one writer sees an occasional failed append ("cannot commit transaction - SQL statements in progress": the
 * driver finalises the statement of an `INSERT … RETURNING` after its callback has run), and the connection that
 * failed can no longer be closed cleanly; it may report an error later, outside any call. So every workload here
 * tries a failed append again (counting the failed attempts), and all of them run in a child process
 * (`emmett-child.ts`, started by `emmettInChildProcess`), ended once it has reported, whose late errors cannot
 * end the benchmark.
 */
import type { Event } from '@event-driven-io/emmett';
import { getSQLiteEventStore, type SQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { NewEvent } from '#eventstore';
import { type Figure, concurrently, measure } from './measure.js';
import { oneWriterStream, progressEvent } from './sample-events.js';

type EmmettEvent = Event<string, Record<string, unknown>, Record<string, unknown>>;

/** Our event as emmett takes it: the same type, data and metadata, and our id as emmett's `messageId`. */
function toEmmett(event: NewEvent): EmmettEvent {
  return { type: event.type, data: event.data as Record<string, unknown>, metadata: { ...event.metadata, messageId: event.id } };
}

/** A store whose schema is already created, so the timed appends do not include the migration. */
async function openStore(fileName: string): Promise<SQLiteEventStore> {
  const store = getSQLiteEventStore({ fileName, schema: { autoMigration: 'CreateOrUpdate' } });
  await store.appendToStream(`warmup-${progressEvent(0).id}`, [toEmmett(progressEvent(0))]);
  return store;
}

export interface EmmettFigure extends Figure {
  /** Appends that failed and were tried again. */
  readonly failedAttempts: number;
}

interface Counter {
  count: number;
}

/** A failed append is tried again up to this many times in all (outside the own-connections workload). */
const MAX_ATTEMPTS = 10;

/** Appends one event, trying again after each failed attempt (counted) while `mayRetry(attempts so far)` holds. */
async function appendRetrying(
  store: SQLiteEventStore,
  stream: string,
  event: EmmettEvent,
  expectedStreamVersion: bigint,
  failures: Counter,
  mayRetry: (attempts: number) => boolean = (attempts) => attempts < MAX_ATTEMPTS,
): Promise<void> {
  for (let attempts = 1; ; attempts++) {
    try {
      await store.appendToStream(stream, [event], { expectedStreamVersion });
      return;
    } catch (error) {
      failures.count += 1;
      if (!mayRetry(attempts)) throw error;
    }
  }
}

const withFailures = (figure: Figure, failures: Counter): EmmettFigure => ({ ...figure, failedAttempts: failures.count });

/** One writer, one event per append, in turn over the same streams as our one-writer workload. */
export async function emmettOneWriter(fileName: string, appends: number): Promise<EmmettFigure> {
  const store = await openStore(fileName);
  const versions = new Map<string, bigint>();
  const failures: Counter = { count: 0 };
  const figure = await measure(appends, async () => {
    for (let n = 0; n < appends; n++) {
      const stream = oneWriterStream(n);
      const expected = versions.get(stream) ?? 0n;
      await appendRetrying(store, stream, toEmmett(progressEvent(n)), expected, failures);
      versions.set(stream, expected + 1n);
    }
  });
  return withFailures(figure, failures);
}

/** Runs the calls it is given one at a time, in the order they arrive. */
function takingTurns(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/** `writers` concurrent writers on their own streams sharing one emmett store, their appends taking turns. */
export async function emmettSharedStore(fileName: string, writers: number, perWriter: number): Promise<EmmettFigure> {
  const store = await openStore(fileName);
  const inTurn = takingTurns();
  const failures: Counter = { count: 0 };
  const figure = await measure(writers * perWriter, () =>
    concurrently(writers, perWriter, (writer, n) => {
      const event = toEmmett(progressEvent(n));
      return inTurn(() => appendRetrying(store, `commitment-${writer}`, event, BigInt(n), failures));
    }),
  );
  return withFailures(figure, failures);
}

/**
 * `writers` concurrent writers, each with an emmett store (so a connection) of its own, retrying failed appends.
 * Writers stop after `budgetMs`: the figure is the appends that succeeded per second.
 */
export async function emmettOwnConnections(fileName: string, writers: number, perWriter: number, budgetMs: number): Promise<EmmettFigure> {
  const stores: SQLiteEventStore[] = [];
  for (let writer = 0; writer < writers; writer++) stores.push(await openStore(fileName));
  const failures: Counter = { count: 0 };
  const started = performance.now();
  const inTime = () => performance.now() - started < budgetMs;
  const figure = await measure(writers * perWriter, async () => {
    const done = await Promise.all(
      stores.map(async (store, writer) => {
        let n = 0;
        try {
          while (n < perWriter && inTime()) {
            await appendRetrying(store, `commitment-${writer}`, toEmmett(progressEvent(n)), BigInt(n), failures, inTime);
            n += 1;
          }
        } catch {
          // out of time while retrying
        }
        return n;
      }),
    );
    return done.reduce((sum, n) => sum + n, 0);
  });
  return withFailures(figure, failures);
}

export interface EmmettWorkload {
  readonly dir: string;
  readonly oneWriterAppends: number;
  readonly writers: number;
  readonly perWriter: number;
  readonly ownConnectionsBudgetMs: number;
}

export type EmmettFigureName = 'oneWriter' | 'sharedStore' | 'ownConnections';

export type EmmettMessage =
  | { readonly kind: 'figure'; readonly name: EmmettFigureName; readonly figure: EmmettFigure }
  | { readonly kind: 'failed'; readonly name: EmmettFigureName; readonly message: string }
  | { readonly kind: 'done' };

export interface EmmettResults {
  readonly figures: Partial<Record<EmmettFigureName, EmmettFigure>>;
  readonly failures: Partial<Record<EmmettFigureName, string>>;
  /** Set when the worker ended before it had measured everything. */
  readonly stopped: string | undefined;
}

/** Runs the emmett workloads one after the other in a child process and collects what they measured. */
export function emmettInChildProcess(workload: EmmettWorkload): Promise<EmmettResults> {
  return new Promise((resolve) => {
    const figures: Partial<Record<EmmettFigureName, EmmettFigure>> = {};
    const failures: Partial<Record<EmmettFigureName, string>> = {};
    const child = fork(fileURLToPath(new URL('./emmett-child.js', import.meta.url)), [JSON.stringify(workload)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let finished = false;
    const finish = (stopped?: string) => {
      if (finished) return;
      finished = true;
      child.kill('SIGKILL');
      resolve({ figures, failures, stopped });
    };
    child.on('message', (message: EmmettMessage) => {
      if (message.kind === 'figure') figures[message.name] = message.figure;
      else if (message.kind === 'failed') failures[message.name] = message.message;
      else finish();
    });
    child.on('error', (error) => finish(`the emmett process failed: ${error.message}`));
    child.on('exit', (code, signal) => finish(`the emmett process ended early (${signal ?? `exit code ${code}`})`));
  });
}
