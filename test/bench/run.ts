/**
 * The event store benchmark (`npm run bench`). Prints figures and asserts nothing. Every figure is measured in this
 * one run, on files in a fresh directory on the real disk (`./data/bench-<time>`, or `BENCH_DIR`), removed after.
 *
 * - raw_sqlite_commit_per_s: better-sqlite3, WAL, synchronous=FULL, one single-row INSERT per transaction — the
 *   durable-commit (fsync) limit of this machine, the ceiling for one writer.
 * - append_1_writer_per_s: SqliteEventStore, one writer awaiting each single-event append (expected revisions).
 * - append_32_writers_per_s: 32 concurrent writers, each on its own stream; group commit shares fsyncs.
 * - emmett_append_per_s: @event-driven-io/emmett-sqlite 0.38.5 (sqlite3 5), the same 1-writer workload. (With
 *   concurrent writers on one file it fails with SQLITE_BUSY, so there is no concurrent figure for it.)
 * - read_all_events_per_s: readAll in pages of 1,000 over the seeded log.
 * - catchup_events_per_s: the projection runner catching a latest-progress-per-commitment projection (one upsert
 *   per event, read through the view) up over the same log; catchup_list_events_per_s: a one-row-per-event list
 *   keyed by random UUIDs, which SQLite itself caps near 55,000 inserts/s on this kind of machine.
 */
import Database from 'better-sqlite3';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '#eventstore';
import { type Projection, ProjectionRunner, ReadModelStore } from '#projections';
import { concurrently, measure, report, round } from './measure.js';
import { progressData, progressEvent } from './sample-events.js';

const ONE_WRITER = 4000;
const WRITERS = 32;
const PER_WRITER = 250;
const EMMETT_ONE_WRITER = 1000;
const SEEDED = 100_000;

const dir = resolve(process.env['BENCH_DIR'] ?? join('data', `bench-${Date.now()}`));
mkdirSync(dir, { recursive: true });
console.log(`benchmark files in ${dir} (node ${process.version})\n`);

async function rawSqlite() {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT, data TEXT)');
  const insert = db.prepare('INSERT INTO events (stream, data) VALUES (?, ?)');
  const commit = db.transaction((n: number) => insert.run(`s-${n % 10}`, JSON.stringify(progressEvent(n).data)));
  const figure = await measure(ONE_WRITER, () => {
    for (let n = 0; n < ONE_WRITER; n++) commit(n);
  });
  db.close();
  return figure;
}

async function appendOneWriter() {
  const store = SqliteEventStore.open({ path: join(dir, 'one-writer.sqlite') });
  const revisions = new Map<string, bigint>();
  const figure = await measure(ONE_WRITER, async () => {
    for (let n = 0; n < ONE_WRITER; n++) {
      const stream = `commitment-${n % 10}`;
      const result = await store.append(stream, [progressEvent(n)], revisions.get(stream) ?? 'no_stream');
      revisions.set(stream, result.nextExpectedRevision);
    }
  });
  await store.close();
  return figure;
}

async function appendManyWriters() {
  const store = SqliteEventStore.open({ path: join(dir, 'many-writers.sqlite') });
  const figure = await measure(WRITERS * PER_WRITER, () =>
    concurrently(WRITERS, PER_WRITER, (writer, n) =>
      store.append(`commitment-${writer}`, [progressEvent(n)], n === 0 ? 'no_stream' : BigInt(n - 1)),
    ),
  );
  const stats = store.stats();
  await store.close();
  return { figure, groupSize: stats.appends / stats.commits };
}

async function emmett(perWriter: number, file: string) {
  const store = getSQLiteEventStore({ fileName: join(dir, file), schema: { autoMigration: 'CreateOrUpdate' } });
  await store.appendToStream('warm-up', [{ type: 'ProgressReported', data: progressData(0) }]);
  return measure(perWriter, async () => {
    for (let n = 0; n < perWriter; n++) {
      await store.appendToStream('commitment-1', [{ type: 'ProgressReported', data: progressData(n) }], {
        expectedStreamVersion: BigInt(n),
      });
    }
  });
}

async function seed(store: SqliteEventStore) {
  for (let start = 0; start < SEEDED; start += 500) {
    await store.append(`commitment-${start}`, Array.from({ length: 500 }, (_, i) => progressEvent(start + i)), 'no_stream');
  }
}

async function readAll(store: SqliteEventStore) {
  let seen = 0;
  const figure = await measure(SEEDED, async () => {
    let after: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 1000 });
      if (page.length === 0) break;
      seen += page.length;
      after = page.at(-1)!.position;
    }
  });
  if (seen !== SEEDED) throw new Error(`readAll saw ${seen} of ${SEEDED} events`);
  return figure;
}

/** Latest progress per commitment: one upsert per event into a small keyed table (the typical status read model). */
const latestProgress: Projection = {
  name: 'bench_latest_progress',
  version: 1,
  eventTypes: ['ProgressReported'],
  tables: [
    {
      name: 'bench_latest_progress',
      columns: { commitment_id: 'TEXT', percent: 'INTEGER', reports: 'INTEGER', position: 'INTEGER' },
      primaryKey: ['commitment_id'],
    },
  ],
  project: (event, view) => {
    const data = event.data as { commitmentId: string; percentComplete: number };
    const reports = Number(view.get('bench_latest_progress', { commitment_id: data.commitmentId })?.['reports'] ?? 0);
    return [
      {
        kind: 'upsert',
        table: 'bench_latest_progress',
        row: { commitment_id: data.commitmentId, percent: data.percentComplete, reports: reports + 1, position: event.position },
      },
    ];
  },
};

/** One row per event, keyed by its random UUID: bounded by SQLite's own insert rate into a large random-key index. */
const progressList: Projection = {
  name: 'bench_progress_list',
  version: 1,
  eventTypes: ['ProgressReported'],
  tables: [
    {
      name: 'bench_progress_list',
      columns: { event_id: 'TEXT', commitment_id: 'TEXT', percent: 'INTEGER', position: 'INTEGER' },
      primaryKey: ['event_id'],
      indexes: [['commitment_id']],
    },
  ],
  project: (event) => {
    const data = event.data as { commitmentId: string; percentComplete: number };
    return [
      {
        kind: 'upsert',
        table: 'bench_progress_list',
        row: { event_id: event.id, commitment_id: data.commitmentId, percent: data.percentComplete, position: event.position },
      },
    ];
  },
};

async function catchUp(store: SqliteEventStore, projection: Projection) {
  const readModels = ReadModelStore.open({ path: join(dir, `${projection.name}.sqlite`) });
  const runner = new ProjectionRunner({ store, readModels, projections: [projection], batchSize: 1000 });
  const head = (await store.headPosition())!;
  const figure = await measure(SEEDED, async () => {
    await runner.start();
    if (!(await runner.waitFor(head, 120_000))) throw new Error('catch-up did not finish');
  });
  await runner.stop();
  readModels.close();
  return figure;
}

const raw = await rawSqlite();
report('raw better-sqlite3 durable commits', raw, '(the fsync limit)');
const one = await appendOneWriter();
report('append, 1 writer', one, `target >= 70% of raw: ${round((100 * one.perSecond) / raw.perSecond)}%`);
const many = await appendManyWriters();
report(`append, ${WRITERS} writers`, many.figure, `mean group ${many.groupSize.toFixed(1)} appends/commit; target >= 3x 1 writer: ${(many.figure.perSecond / one.perSecond).toFixed(1)}x`);
const emmettOne = await emmett(EMMETT_ONE_WRITER, 'emmett-one.sqlite');
report('emmett-sqlite append, 1 writer', emmettOne, `target: ours >= 5x: ${(one.perSecond / emmettOne.perSecond).toFixed(1)}x`);

const log = SqliteEventStore.open({ path: join(dir, 'log.sqlite') });
await seed(log);
console.log(`\nseeded ${SEEDED.toLocaleString('en-US')} events (${(statSync(join(dir, 'log.sqlite')).size / 1e6).toFixed(1)} MB + WAL)`);
const read = await readAll(log);
report('readAll, pages of 1,000', read);
const catchup = await catchUp(log, latestProgress);
report('projection catch-up, latest progress', catchup, `target >= 50,000/s`);
const catchupList = await catchUp(log, progressList);
report('projection catch-up, one row per event', catchupList);
await log.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    raw_sqlite_commit_per_s: round(raw.perSecond),
    append_1_writer_per_s: round(one.perSecond),
    append_32_writers_per_s: round(many.figure.perSecond),
    append_32_writers_mean_group: round(many.groupSize, 1),
    emmett_append_per_s: round(emmettOne.perSecond),
    read_all_events_per_s: round(read.perSecond),
    catchup_events_per_s: round(catchup.perSecond),
    catchup_list_events_per_s: round(catchupList.perSecond),
    append_1_writer_vs_raw: round(one.perSecond / raw.perSecond, 2),
    append_32_vs_1_writer: round(many.figure.perSecond / one.perSecond, 2),
    append_vs_emmett: round(one.perSecond / emmettOne.perSecond, 2),
  }),
);
