/**
 * The benchmark (`npm run bench`): the event store, then the api over HTTP. It prints figures and asserts nothing.
 * Every figure is measured in this one run, side by side, on files in a fresh directory on the real disk
 * (`./data/bench-<time>`; `BENCH_DIR` names another parent directory), removed at the end. One line per figure, then
 * one JSON line with all of them. The soak of the api's memory is a separate command (`npm run bench:soak`, soak.ts).
 *
 * - raw_sqlite_commit_per_s: better-sqlite3, WAL, synchronous=FULL, one single-row INSERT per transaction,
 *   sequential: the durable-commit (fsync) limit of this machine, the ceiling for a lone writer.
 * - raw_sqlite_event_schema_commit_per_s: the same, inserting the store's own row (its table and unique indexes,
 *   data and metadata as JSON): the part of the gap between raw and the store that the schema accounts for.
 * - append_1_writer_per_s: SqliteEventStore, one writer awaiting each single-event append, in turn over 10 streams
 *   with expected revisions. The three sequential figures are measured in alternating rounds, so drift in the
 *   disk's speed (the machine is shared) affects them alike.
 * - append_32_writers_per_s: 32 concurrent writers, each on its own stream awaiting its own appends; the store's
 *   group commit shares one fsync among the appends queued meanwhile (append_32_writers_mean_group = appends per
 *   commit, from `store.stats()`).
 * - emmett_append_per_s: @event-driven-io/emmett-sqlite 0.38.5 on the same one-writer workload and events.
 * - emmett_append_32_writers_per_s: emmett on the 32-writer workload, the writers sharing one store and taking
 *   turns (its store cannot take overlapping calls, see emmett.ts). emmett_append_32_connections_per_s: the same
 *   writers with a store (connection) each, retrying appends that lose the race for the write lock, starting no
 *   append after 2 s; emmett_32_connections_failed_attempts counts those failed appends, emmett_failed_attempts
 *   the failed (and retried) appends of the other two emmett figures. Emmett runs in a child process.
 * - read_all_events_per_s: `readAll({ after, maxCount: 1000 })` paging through the seeded log (100,000 events,
 *   seeded 500 per append).
 * - catchup_events_per_s: the projection runner catching a latest-progress-per-commitment projection (one upsert
 *   per event, read through the view) up over the seeded log, from `start()` until `waitFor(head)` resolves.
 *   catchup_list_events_per_s: the same for a one-row-per-event list keyed by random UUIDs, which SQLite itself
 *   caps near its insert rate into a large random-key index.
 * - deadlines_p50_ms / deadlines_p99_ms, summary_p50_ms / summary_p99_ms: GraphQL over HTTP on the
 *   real api (in this process) for a plan with 2,000 commitments, 10,000 milestones and 20,000 progress reports
 *   (tracking-bench.ts); targets p99 <= 20 ms.
 * - esdb_append_per_s, esdb_catchup_events_per_s: the EventStoreDB adapter against the EventStoreDB test server in a
 *   child process (32 writers as above; catch-up of the same projection over 23,200 events). The test server keeps
 *   its log in memory in one Node.js process: these figures are bounded by it, not by EventStoreDB (esdb-bench.ts).
 * - mutation_per_s, mutation_p50_ms, mutation_p99_ms, trivial_query_per_s: the real api as a child process
 *   (compiled main.js, SQLite, fresh data directory) under 32 concurrent autocannon clients for 10 s each, after a
 *   2 s warm-up: `scheduleMilestone` mutations (distinct titles and commandIds, one active commitment per client),
 *   then `{ serverInfo { version } }`, the ceiling of the HTTP and GraphQL stack. mutation_vs_trivial_query is their
 *   ratio (target >= 0.35), mutation p99 has a target of 50 ms; api_load_failed_requests counts non-2xx responses,
 *   connection errors and responses with GraphQL errors of both runs (should be 0) (api-load-bench.ts).
 * - rebuild_events_per_s, cold_start_s, rss_mb: a log of BENCH_COLD_EVENTS events (1,000,000 by default:
 *   cold_start_events) on 1,000 commitments made through the api, filled with milestone and task events appended
 *   to their streams. rebuild_events_per_s: events / seconds from spawning the api without read models until every
 *   projection runs at the head, the median of BENCH_REBUILD_RUNS (3) rebuilds one after the other (target >=
 *   50,000). rebuild_peak_rss_mb: the most resident memory of the api during those rebuilds (no target).
 *   cold_start_s: seconds from spawning it again until it answers a query for the plan (target <= 5). rss_mb: the
 *   most resident memory seen while it then serves the plan dashboard, commitments and deadlines queries (target
 *   <= 400 MB). as_of_ms: one `plan.asOf` (summary, first commitments, every stakeholder's scorecard) on the middle day
 *   of the log's three years, never asked before (target <= 200); as_of_concurrent_p99_ms: the p99 of 40 more while 8
 *   clients ask for other days at once (target <= 400), as_of_errors the answers with errors among them (should be 0)
 *   (cold-start-bench.ts).
 * - rebuild_partial_answers, rebuild_takeover_s, rebuild_takeover_ms, rebuild_index_ms: on that log, the api stopped,
 *   the versions of the tracking and commitments read models changed (their checkpoints set one version back, as an
 *   upgrade finds them), then the api started again while 4 clients ask for the plan's dashboard, commitments and
 *   deadlines in turn until both new versions have taken over. rebuild_partial_answers: answers that differed from
 *   the complete answers taken before the change, or carried errors (target 0); rebuild_answers_during_build: the
 *   answers given meanwhile. rebuild_takeover_s: from spawning the api until both had taken over;
 *   rebuild_takeover_ms: the longest take-over transaction, rebuild_index_ms the longest index creation before one,
 *   as the runner logs them (version-change.ts).
 * - Ratios: append_1_writer_vs_raw (target >= 0.7; append_1_writer_vs_raw_event_schema beside it),
 *   append_32_vs_1_writer (target >= 3), append_vs_emmett (one writer, target >= 5), append_32_vs_emmett_32;
 *   catchup_events_per_s has a target of 50,000. Targets are printed as information only.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '#eventstore';
import { EVENT_LOG_SCHEMA } from '#eventstore/sqlite/schema';
import { type Projection, ProjectionRunner, ReadModelStore } from '#projections';
import { type EmmettFigure, emmettInChildProcess } from './emmett.js';
import { type Figure, concurrently, measure, ratio, report, round } from './measure.js';
import { latestProgress, progressList } from './projections.js';
import { trackingBench } from './tracking-bench.js';
import { esdbBench } from './esdb-bench.js';
import { CLIENTS as API_CLIENTS, type LoadRun, apiLoadBench } from './api-load-bench.js';
import { coldStartBench } from './cold-start-bench.js';
import { CHANGED_PROJECTIONS, versionChangeUnderLoad } from './version-change.js';
import { ONE_WRITER_STREAMS, oneWriterStream, progressEvent } from './sample-events.js';

const ONE_WRITER = 4000;
/** The sequential figures are measured in this many alternating rounds. */
const ROUNDS = 4;
const WRITERS = 32;
const PER_WRITER = 250;
const EMMETT_ONE_WRITER = 1000;
const EMMETT_PER_WRITER = 32;
const EMMETT_CONNECTIONS_BUDGET_MS = 2000;
const SEEDED = 100_000;
const SEED_BATCH = 500;
const READ_PAGE = 1000;
const CATCHUP_BATCH = 1000;

const runStarted = performance.now();
const dir = resolve(process.env['BENCH_DIR'] ?? 'data', `bench-${Date.now()}`);
mkdirSync(dir, { recursive: true });
console.log(`benchmark files in ${dir} (node ${process.version})\n`);

/** Total operations over total time of the rounds of one measurement. */
function combined(rounds: readonly Figure[]): Figure {
  const operations = rounds.reduce((sum, figure) => sum + figure.operations, 0);
  const seconds = rounds.reduce((sum, figure) => sum + figure.seconds, 0);
  return { operations, seconds, perSecond: operations / seconds };
}

interface Contender {
  /** Appends events `from` … `from + count - 1`, one per transaction. */
  run(from: number, count: number): Promise<Figure>;
  close(): Promise<void> | void;
}

function openDurable(file: string, schema: string): Database.Database {
  const db = new Database(join(dir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(schema);
  return db;
}

function sequentialCommits(db: Database.Database, commit: (n: number) => void): Contender {
  const inTransaction = db.transaction(commit);
  return {
    run: (from, count) =>
      measure(count, () => {
        for (let n = from; n < from + count; n++) inTransaction(n);
      }),
    close: () => {
      db.close();
    },
  };
}

/** The raw baseline: a two-column row per transaction. */
function openRaw(): Contender {
  const db = openDurable(
    'raw.sqlite',
    'CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, data TEXT NOT NULL)',
  );
  const insert = db.prepare('INSERT INTO events (stream, data) VALUES (?, ?)');
  return sequentialCommits(db, (n) => insert.run(oneWriterStream(n), JSON.stringify(progressEvent(n).data)));
}

/** The store's own table and indexes, written by hand: the part of the gap to raw that the schema costs. */
function openRawEventSchema(): Contender {
  const db = openDurable('raw-event-schema.sqlite', EVENT_LOG_SCHEMA);
  const insert = db.prepare('INSERT INTO events (stream, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  return sequentialCommits(db, (n) => {
    const event = progressEvent(n);
    insert.run(
      oneWriterStream(n),
      Math.floor(n / ONE_WRITER_STREAMS),
      event.id,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
    );
  });
}

function openOneWriter(): Contender {
  const store = SqliteEventStore.open({ path: join(dir, 'one-writer.sqlite') });
  const revisions = new Map<string, bigint>();
  return {
    run: (from, count) =>
      measure(count, async () => {
        for (let n = from; n < from + count; n++) {
          const stream = oneWriterStream(n);
          const result = await store.append(stream, [progressEvent(n)], revisions.get(stream) ?? 'no_stream');
          revisions.set(stream, result.nextExpectedRevision);
        }
      }),
    close: () => store.close(),
  };
}

/** Raw commits, raw commits on the event schema and one-writer appends, in alternating rounds. */
async function sequentialWriters(): Promise<{ raw: Figure; rawEventSchema: Figure; one: Figure }> {
  const contenders = [openRaw(), openRawEventSchema(), openOneWriter()] as const;
  const rounds: Figure[][] = contenders.map(() => []);
  const perRound = ONE_WRITER / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, contender] of contenders.entries()) rounds[i]!.push(await contender.run(round * perRound, perRound));
  }
  for (const contender of contenders) await contender.close();
  const [raw, rawEventSchema, one] = rounds.map(combined) as [Figure, Figure, Figure];
  return { raw, rawEventSchema, one };
}

async function appendManyWriters(): Promise<{ figure: Figure; groupSize: number }> {
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

async function seed(store: SqliteEventStore): Promise<Figure> {
  return measure(SEEDED, async () => {
    for (let start = 0; start < SEEDED; start += SEED_BATCH) {
      const events = Array.from({ length: SEED_BATCH }, (_, i) => progressEvent(start + i));
      await store.append(`commitment-seed${start / SEED_BATCH}`, events, 'no_stream');
    }
  });
}

async function readAll(store: SqliteEventStore): Promise<Figure> {
  return measure(SEEDED, async () => {
    let seen = 0;
    let after: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: READ_PAGE });
      if (page.length === 0) return seen;
      seen += page.length;
      after = page.at(-1)!.position;
    }
  });
}

async function catchUp(store: SqliteEventStore, projection: Projection): Promise<Figure> {
  const readModels = ReadModelStore.open({ path: join(dir, `${projection.name}.sqlite`) });
  const runner = new ProjectionRunner({ store, readModels, projections: [projection], batchSize: CATCHUP_BATCH });
  const head = (await store.headPosition())!;
  try {
    return await measure(SEEDED, async () => {
      await runner.start();
      if (!(await runner.waitFor(head, 120_000))) throw new Error(`did not reach position ${head} within 120 s`);
    });
  } finally {
    await runner.stop();
    readModels.close();
  }
}

/** Runs one section; a failure is printed and leaves its figures out instead of ending the run. */
async function section<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    console.log(`${label.padEnd(44)}     failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

const perSecond = (figure: Figure | undefined): number | null => (figure ? round(figure.perSecond) : null);
const ratioOf = (a: Figure | undefined, b: Figure | undefined): number | null => (a && b ? round(ratio(a, b), 2) : null);
const times = (a: Figure | undefined, b: Figure | undefined): string => (a && b ? `${ratio(a, b).toFixed(2)}x` : 'n/a');

try {
  const sequential = await section('raw better-sqlite3 / append, 1 writer', sequentialWriters);
  const raw = sequential?.raw;
  const rawEventSchema = sequential?.rawEventSchema;
  const one = sequential?.one;
  if (raw) report('raw better-sqlite3 durable commits', raw, 'the fsync limit');
  if (rawEventSchema) report('raw, on the event log schema', rawEventSchema, `vs raw: ${times(rawEventSchema, raw)}`);
  if (one)
    report('append, 1 writer', one, `vs raw: ${times(one, raw)} (target >= 0.7); vs raw on the schema: ${times(one, rawEventSchema)}`);

  const many = await section(`append, ${WRITERS} writers`, appendManyWriters);
  if (many) {
    report(
      `append, ${WRITERS} writers`,
      many.figure,
      `vs 1 writer: ${times(many.figure, one)} (target >= 3); mean group ${many.groupSize.toFixed(1)} appends/commit`,
    );
  }

  const emmett = await emmettInChildProcess({
    dir,
    oneWriterAppends: EMMETT_ONE_WRITER,
    writers: WRITERS,
    perWriter: EMMETT_PER_WRITER,
    ownConnectionsBudgetMs: EMMETT_CONNECTIONS_BUDGET_MS,
  });
  const { oneWriter: emmettOne, sharedStore: emmettMany, ownConnections: emmettConnections } = emmett.figures;
  const failed = (figure: EmmettFigure) => `${figure.failedAttempts} failed attempts retried`;
  if (emmettOne)
    report('emmett-sqlite append, 1 writer', emmettOne, `ours vs emmett: ${times(one, emmettOne)} (target >= 5); ${failed(emmettOne)}`);
  if (emmettMany) {
    report(
      `emmett-sqlite append, ${WRITERS} writers`,
      emmettMany,
      `ours vs emmett: ${times(many?.figure, emmettMany)}; one shared store, taking turns; ${failed(emmettMany)}`,
    );
  }
  if (emmettConnections) report(`emmett-sqlite, ${WRITERS} own connections`, emmettConnections, failed(emmettConnections));
  for (const [name, message] of Object.entries(emmett.failures)) console.log(`emmett-sqlite ${name.padEnd(30)}     failed: ${message}`);
  if (emmett.stopped) console.log(emmett.stopped);

  const log = SqliteEventStore.open({ path: join(dir, 'log.sqlite') });
  const seeded = await section('seed', () => seed(log));
  if (seeded) {
    const size = statSync(join(dir, 'log.sqlite')).size / 1e6;
    report(`seed, ${SEED_BATCH} events per append`, seeded, `${size.toFixed(1)} MB + WAL`);
  }
  const read = await section('readAll', () => readAll(log));
  if (read) report(`readAll, pages of ${READ_PAGE.toLocaleString('en-US')}`, read);
  const catchup = await section('projection catch-up, latest progress', () => catchUp(log, latestProgress));
  if (catchup) report('projection catch-up, latest progress', catchup, 'target >= 50,000/s');
  const catchupList = await section('projection catch-up, one row per event', () => catchUp(log, progressList));
  if (catchupList) report('projection catch-up, one row per event', catchupList);
  await log.close();
  const esdb = await section('EventStoreDB adapter', () => esdbBench(dir, latestProgress));
  if (esdb) {
    const bound = "bounded by the test server (Node.js, log in memory), not EventStoreDB's own speed";
    report(
      `esdb append, ${WRITERS} writers (test server)`,
      esdb.append,
      `vs SQLite ${WRITERS} writers: ${times(esdb.append, many?.figure)}; ${bound}`,
    );
    report('esdb catch-up, latest progress (test server)', esdb.catchUp, `vs SQLite catch-up: ${times(esdb.catchUp, catchup)}; ${bound}`);
  }
  const tracking = await section('query latency on a large plan', () => trackingBench(dir));

  const apiLoad = await section('api under load', () => apiLoadBench(dir));
  if (apiLoad) {
    const { mutation, trivial } = apiLoad;
    const latency = (run: LoadRun) => `p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`;
    console.log('');
    report(
      `api scheduleMilestone, ${API_CLIENTS} clients`,
      mutation.figure,
      `${latency(mutation)} (p99 target <= 50 ms); vs trivial query: ${times(mutation.figure, trivial.figure)} (target >= 0.35)`,
    );
    report(`api { serverInfo { version } }, ${API_CLIENTS} clients`, trivial.figure, `${latency(trivial)}; the ceiling of HTTP + GraphQL`);
    for (const [name, run] of [
      ['mutations', mutation],
      ['trivial queries', trivial],
    ] as const) {
      const failures = `non-2xx ${run.non2xx}, connection errors ${run.errors}, GraphQL errors ${run.graphqlErrors}`;
      console.log(`api ${name}: ${failures}${run.firstError ? `; the first: ${run.firstError}` : ''}`);
    }
  }
  const cold = await section('cold start on a large log', () => coldStartBench(dir));
  if (cold) {
    report(
      `rebuild of every read model, ${cold.events.toLocaleString('en-US')} events`,
      cold.rebuild,
      `target >= 50,000/s; from spawn until every projection is at the head, median of ${cold.rebuildRuns.length} (${cold.rebuildRuns.map((s) => s.toFixed(1)).join(', ')} s); first answer after ${cold.firstAnswerDuringRebuildSeconds.toFixed(1)} s`,
    );
    console.log(`cold start: spawn until the plan is served         ${cold.coldStartSeconds.toFixed(2)} s  target <= 5 s`);
    console.log(`api resident memory, serving the dashboard      ${cold.rssMb.toFixed(0)} MB  target <= 400 MB`);
    console.log(`api resident memory, building every read model  ${cold.rebuildPeakRssMb.toFixed(0)} MB  at most; no target`);
    console.log(`plan.asOf on a day never asked before           ${cold.asOfMs.toFixed(0)} ms  target <= 200 ms`);
    console.log(
      `plan.asOf, 8 clients asking other days at once  p99 ${cold.asOfConcurrentP99Ms.toFixed(0)} ms  target <= 400 ms; after a warm-up round (slowest ${cold.asOfWarmUpMaxMs.toFixed(0)} ms); ${cold.asOfErrors} errors`,
    );
    const slowest = Object.entries(cold.dashboardMs)
      .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
      .join(', ');
    console.log(`dashboard queries on that log, slowest of 5     ${slowest}`);
  }
  const change = cold ? await section('version change under load', () => versionChangeUnderLoad(cold.dataDir, cold.plan)) : undefined;
  if (change) {
    const errors =
      Object.entries(change.errors)
        .map(([code, count]) => `${code} ${count}`)
        .join(', ') || 'none';
    console.log(
      `version change of ${CHANGED_PROJECTIONS.join(' and ')} under load  ${change.partialAnswers} partial or failed answers of ${change.answers} (${change.answersDuringBuild} during the build)  target 0; errors: ${errors}`,
    );
    if (change.firstWrong) console.log(`  the first: ${change.firstWrong}`);
    console.log(
      `  taken over ${change.secondsToTakeOver.toFixed(1)} s after spawning the api; take-over transaction ${change.takeoverMs} ms at most, indexes before it ${change.indexMs} ms at most`,
    );
  }

  console.log(`\nwhole run ${((performance.now() - runStarted) / 1000).toFixed(1)} s`);
  console.log(
    JSON.stringify({
      raw_sqlite_commit_per_s: perSecond(raw),
      raw_sqlite_event_schema_commit_per_s: perSecond(rawEventSchema),
      append_1_writer_per_s: perSecond(one),
      append_32_writers_per_s: perSecond(many?.figure),
      append_32_writers_mean_group: many ? round(many.groupSize, 1) : null,
      emmett_append_per_s: perSecond(emmettOne),
      emmett_append_32_writers_per_s: perSecond(emmettMany),
      emmett_append_32_connections_per_s: perSecond(emmettConnections),
      emmett_32_connections_failed_attempts: emmettConnections?.failedAttempts ?? null,
      emmett_failed_attempts: (emmettOne?.failedAttempts ?? 0) + (emmettMany?.failedAttempts ?? 0),
      events_seeded: seeded?.operations ?? null,
      read_all_events_per_s: perSecond(read),
      catchup_events_per_s: perSecond(catchup),
      catchup_list_events_per_s: perSecond(catchupList),
      append_1_writer_vs_raw: ratioOf(one, raw),
      append_1_writer_vs_raw_event_schema: ratioOf(one, rawEventSchema),
      append_32_vs_1_writer: ratioOf(many?.figure, one),
      append_vs_emmett: ratioOf(one, emmettOne),
      append_32_vs_emmett_32: ratioOf(many?.figure, emmettMany),
      deadlines_p50_ms: tracking?.deadlines_p50_ms ?? null,
      deadlines_p99_ms: tracking?.deadlines_p99_ms ?? null,
      summary_p50_ms: tracking?.summary_p50_ms ?? null,
      summary_p99_ms: tracking?.summary_p99_ms ?? null,
      as_of_ms: cold ? round(cold.asOfMs) : null,
      as_of_concurrent_p99_ms: cold ? round(cold.asOfConcurrentP99Ms) : null,
      as_of_warm_up_max_ms: cold ? round(cold.asOfWarmUpMaxMs) : null,
      as_of_errors: cold?.asOfErrors ?? null,
      esdb_append_per_s: perSecond(esdb?.append),
      esdb_catchup_events_per_s: perSecond(esdb?.catchUp),
      mutation_per_s: perSecond(apiLoad?.mutation.figure),
      trivial_query_per_s: perSecond(apiLoad?.trivial.figure),
      mutation_vs_trivial_query: ratioOf(apiLoad?.mutation.figure, apiLoad?.trivial.figure),
      mutation_p50_ms: apiLoad?.mutation.p50Ms ?? null,
      mutation_p99_ms: apiLoad?.mutation.p99Ms ?? null,
      api_load_failed_requests: apiLoad
        ? [apiLoad.mutation, apiLoad.trivial].reduce((sum, run) => sum + run.non2xx + run.errors + run.graphqlErrors, 0)
        : null,
      cold_start_events: cold?.events ?? null,
      rebuild_events_per_s: perSecond(cold?.rebuild),
      cold_start_s: cold ? round(cold.coldStartSeconds, 2) : null,
      rss_mb: cold ? round(cold.rssMb) : null,
      rebuild_peak_rss_mb: cold ? round(cold.rebuildPeakRssMb) : null,
      rebuild_partial_answers: change?.partialAnswers ?? null,
      rebuild_answers_during_build: change?.answersDuringBuild ?? null,
      rebuild_takeover_s: change ? round(change.secondsToTakeOver, 1) : null,
      rebuild_takeover_ms: change?.takeoverMs ?? null,
      rebuild_index_ms: change?.indexMs ?? null,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
