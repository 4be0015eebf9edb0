/**
 * The api on a large log: 1,000 commitments made through the api, then the log filled to `BENCH_COLD_EVENTS`
 * events (1,000,000 by default) with milestones and tasks appended straight to the commitments' streams, each
 * commitment's spread over three years from today (one day after another, as a plan lives). Then:
 * - the full rebuild of every read model (read models removed), from spawning the api until every projection has
 *   caught up with the head of the log;
 * - a cold start on built read models, from spawning the api until it answers a GraphQL query for the plan;
 * - the api's resident memory (VmRSS) while it serves a few dashboard queries;
 * - `plan.asOf` on a day in the middle of those three years, once, then 8 clients each asking for other days at once.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type EventMetadata, type NewEvent, SqliteEventStore } from '#eventstore';
import { removeReadModelFile } from '#projections';
import { API_MAIN, API_NODE_FLAGS, freePort, type RunningApi, startApi } from '../support/api-process.js';
import {
  ADMIN,
  type BenchPlan,
  COMMITMENTS_QUERY,
  DASHBOARD_QUERY,
  DEADLINES_QUERY,
  JSON_HEADERS,
  dueDate,
  rssMb,
  setUpPlan,
} from './api-client.js';
import type { Figure } from './measure.js';

export const COLD_EVENTS = Number(process.env['BENCH_COLD_EVENTS'] ?? 1_000_000);
const COMMITMENTS = 1000;
const APPEND_BATCH = 1000;
const REBUILD_TIMEOUT_MS = 30 * 60_000;
/** Full rebuilds measured, one after the other; the figure is their median (this machine's speed varies by a third). */
const REBUILD_RUNS = Number(process.env['BENCH_REBUILD_RUNS'] ?? 3);
const DASHBOARD_ROUNDS = 5;
/** The days over which each commitment's tracking events are spread, from the day the log is filled. */
const SPAN_DAYS = 3 * 365;
const DAY_MS = 86_400_000;
/** `plan.asOf` clients asking at once, and the days each asks for in turn (every day asked once). */
const AS_OF_CLIENTS = 8;
const AS_OF_ROUNDS = 5;

/** One `plan.asOf` as a dashboard of that day asks for it: the figures, the first commitments and each stakeholder's scorecard. */
export const AS_OF_QUERY = `query ($planId: ID!, $date: LocalDate!) { plan(id: $planId) { asOf(date: $date) { status version
  summary { total byStatus { status count }
    byThematicAreaTracking { thematicArea { code } figures { milestonesOnTime milestonesLate milestonesOverdue verifiedShare atRisk } }
    byOwnerKind { kind figures { commitmentsByStatus { status count } milestonesOnTime milestonesLate milestonesOverdue verifiedShare atRisk } } }
  commitments(first: 20) { totalCount edges { node { id title status dueDate version } } }
  stakeholders { name scorecard(planId: $planId) { made active completed milestonesOnTime milestonesDue complianceRate } } } } }`;

export interface ColdStartFigures {
  readonly events: number;
  /** The api's data directory, with the large log and its read models built, and the plan on it. */
  readonly dataDir: string;
  readonly plan: BenchPlan;
  readonly seed: Figure;
  /** The median of the rebuilds. */
  readonly rebuild: Figure;
  /** Seconds each rebuild took, in the order they ran. */
  readonly rebuildRuns: readonly number[];
  /** The most resident memory of the api while it built every read model from scratch, over all the rebuilds. */
  readonly rebuildPeakRssMb: number;
  /** Seconds from spawning the api without read models until it first answered a query (the median run). */
  readonly firstAnswerDuringRebuildSeconds: number;
  readonly coldStartSeconds: number;
  readonly rssMb: number;
  /** Slowest answer to each dashboard query, in ms. */
  readonly dashboardMs: Readonly<Record<string, number>>;
  /** One `plan.asOf` on a day never asked before, in ms. */
  readonly asOfMs: number;
  /** The 99th percentile of `plan.asOf` answers while 8 clients ask for different days at once, in ms. */
  readonly asOfConcurrentP99Ms: number;
  /** The slowest answer of the round before, which warms the server up (not counted in the p99). */
  readonly asOfWarmUpMaxMs: number;
  /** Answers with errors among all of them. */
  readonly asOfErrors: number;
}

/**
 * `count` tracking events for one commitment, in groups of four: two milestones scheduled, the first of them
 * completed (on time, or a few days late), a task added.
 */
function* trackingEvents(commitmentId: string, count: number, metadata: () => EventMetadata): Generator<NewEvent> {
  const event = (type: string, data: object): NewEvent => ({
    id: randomUUID(),
    type,
    data: { commitmentId, ...data },
    metadata: metadata(),
  });
  let scheduled: [string, string] = [randomUUID(), randomUUID()];
  for (let n = 0; n < count; n++) {
    const group = Math.floor(n / 4);
    switch (n % 4) {
      case 0:
        scheduled = [randomUUID(), randomUUID()];
        yield event('MilestoneScheduled', { milestoneId: scheduled[0], title: `Milestone ${n}`, dueDate: dueDate(group * 7) });
        break;
      case 1:
        yield event('MilestoneScheduled', { milestoneId: scheduled[1], title: `Milestone ${n}`, dueDate: dueDate(group * 7 + 5) });
        break;
      case 2:
        yield event('MilestoneCompleted', { milestoneId: scheduled[0], completedOn: dueDate(group * 7 + (group % 3 === 0 ? 4 : 0)) });
        break;
      default:
        yield event('TaskAdded', { taskId: randomUUID(), title: `Task ${n}`, dueDate: dueDate(group * 7 + 3) });
    }
  }
}

/** Appends tracking events to the commitments' streams until the log holds `total` events. */
export async function fillLog(path: string, commitmentIds: readonly string[], total: number): Promise<Figure> {
  const store = SqliteEventStore.open({ path });
  try {
    const head = Number((await store.headPosition()) ?? 0n);
    const toAppend = Math.max(0, total - head);
    const started = performance.now();
    const filledFrom = Date.now();
    for (const [i, commitmentId] of commitmentIds.entries()) {
      const count = Math.floor(toAppend / commitmentIds.length) + (i < toAppend % commitmentIds.length ? 1 : 0);
      const stream = `commitment-${commitmentId}`;
      // The metadata of the focal point's CommitmentMade, with a correlation id and time of its own.
      const [made, ...rest] = await store.readStream(stream);
      if (!made) throw new Error(`${stream} is empty`);
      let revision = (rest.at(-1) ?? made).revision;
      // The n-th event of the commitment's `count` is recorded on day n × SPAN_DAYS / count after the log was filled.
      let n = 0;
      const metadata = (): EventMetadata => ({
        ...made.metadata,
        correlationId: randomUUID(),
        occurredAt: new Date(filledFrom + Math.floor((n++ * SPAN_DAYS) / count) * DAY_MS).toISOString(),
      });
      let batch: NewEvent[] = [];
      const flush = async () => {
        revision = (await store.append(stream, batch, revision)).nextExpectedRevision;
        batch = [];
      };
      for (const event of trackingEvents(commitmentId, count, metadata)) {
        batch.push(event);
        if (batch.length === APPEND_BATCH) await flush();
      }
      if (batch.length > 0) await flush();
    }
    const seconds = (performance.now() - started) / 1000;
    return { operations: toAppend, seconds, perSecond: toAppend / seconds };
  } finally {
    await store.close();
  }
}

interface ServerInfo {
  serverInfo: { headPosition: string | null; projections: { name: string; position: string | null; lag: number; state: string }[] };
}

export interface Rebuild {
  /** From spawning the api until every read model ran at the head of the log. */
  readonly seconds: number;
  /** From spawning the api until it first answered (it may not listen while it catches up). */
  readonly firstAnswerSeconds: number;
  /** The most resident memory of the api process seen meanwhile, in MB. */
  readonly peakRssMb: number;
}

/**
 * Spawns the api (as `startApi` does, without its 30 s limit on start-up: it may not answer until it has caught
 * up) and polls `serverInfo` until every read model runs at `head`.
 */
export async function rebuild(dataDir: string, head: string): Promise<Rebuild> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, API_MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  const seconds = () => (performance.now() - started) / 1000;
  let firstAnswerSeconds: number | undefined;
  let peakRssMb = 0;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(child.pid) ?? 0)), 100);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}: ${output}`);
      const info = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ query: '{ serverInfo { headPosition projections { name position lag state } } }' }),
      }).then(
        async (res) => ((await res.json()) as { data?: ServerInfo }).data?.serverInfo,
        () => undefined, // not listening yet
      );
      if (info) firstAnswerSeconds ??= seconds();
      const failed = info?.projections.find((p) => p.state === 'FAILED');
      if (failed) throw new Error(`read model ${failed.name} failed`);
      if (info && info.headPosition === head && info.projections.every((p) => p.state === 'RUNNING' && p.lag === 0)) {
        return { seconds: seconds(), firstAnswerSeconds: firstAnswerSeconds!, peakRssMb };
      }
      if (seconds() * 1000 > REBUILD_TIMEOUT_MS)
        throw new Error(`read models did not catch up within ${REBUILD_TIMEOUT_MS / 60_000} minutes: ${JSON.stringify(info)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    clearInterval(sampler);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }
}

export async function coldStartBench(dir: string, log: (line: string) => void = console.log): Promise<ColdStartFigures> {
  const dataDir = join(dir, 'cold-start');
  const eventLog = join(dataDir, 'events.sqlite');

  const setupStarted = performance.now();
  const setup = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
  const plan = await setUpPlan(setup, COMMITMENTS).finally(() => setup.stop());
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const seed = await fillLog(eventLog, plan.commitmentIds, COLD_EVENTS);
  const store = SqliteEventStore.open({ path: eventLog });
  const head = (await store.headPosition())!;
  await store.close();
  log(
    `\nlarge log: ${Number(head).toLocaleString('en-US')} events (BENCH_COLD_EVENTS=${COLD_EVENTS}): ${COMMITMENTS.toLocaleString('en-US')} commitments made through the api in ${setupSeconds.toFixed(1)} s, ` +
      `then ${seed.operations.toLocaleString('en-US')} milestone and task events appended to their streams in ${seed.seconds.toFixed(1)} s`,
  );

  // The full rebuild: no read models at all.
  const runs: Rebuild[] = [];
  for (let run = 0; run < REBUILD_RUNS; run++) {
    removeReadModelFile(join(dataDir, 'read-models.sqlite'));
    runs.push(await rebuild(dataDir, head.toString()));
  }
  const rebuilt = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)]!;

  // The cold start on built read models.
  const started = performance.now();
  const api = await startApi({ dataDir });
  try {
    let coldStartSeconds: number;
    for (;;) {
      const res = await api.graphql<{ plan: { id: string } | null }>('query ($id: ID!) { plan(id: $id) { id title } }', {
        id: plan.planId,
      });
      if (res.data?.plan?.id === plan.planId) {
        coldStartSeconds = (performance.now() - started) / 1000;
        break;
      }
      if (performance.now() - started > 120_000) throw new Error(`the plan was not served within 120 s: ${JSON.stringify(res.errors)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    let maxRss = rssMb(api.process.pid) ?? 0;
    const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(api.process.pid) ?? 0)), 50);
    const dashboardMs: Record<string, number> = {};
    try {
      for (let round = 0; round < DASHBOARD_ROUNDS; round++) {
        for (const [name, query] of Object.entries({
          dashboard: DASHBOARD_QUERY,
          commitments: COMMITMENTS_QUERY,
          deadlines: DEADLINES_QUERY,
        })) {
          const queryStarted = performance.now();
          const res = await api.graphql(query, { planId: plan.planId }, plan.focalToken);
          if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
          dashboardMs[name] = Math.max(dashboardMs[name] ?? 0, performance.now() - queryStarted);
        }
      }
    } finally {
      clearInterval(sampler);
    }
    maxRss = Math.max(maxRss, rssMb(api.process.pid) ?? 0);
    const asOf = await asOfBench(api, plan.planId);
    const events = Number(head);
    return {
      events,
      dataDir,
      plan,
      seed,
      rebuild: { operations: events, seconds: rebuilt.seconds, perSecond: events / rebuilt.seconds },
      rebuildRuns: runs.map((run) => run.seconds),
      rebuildPeakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
      firstAnswerDuringRebuildSeconds: rebuilt.firstAnswerSeconds,
      coldStartSeconds,
      rssMb: maxRss,
      dashboardMs,
      ...asOf,
    };
  } finally {
    await api.stop();
  }
}

/**
 * `plan.asOf` on the large log: first on the middle day of the three years (never asked before), then AS_OF_CLIENTS
 * clients at once, each asking AS_OF_ROUNDS other days in turn, every day different — after one round of the same
 * (other days again) to warm the server up, as the latency figures of tracking-bench.ts are taken after warm-ups.
 */
async function asOfBench(
  api: RunningApi,
  planId: string,
): Promise<{ asOfMs: number; asOfConcurrentP99Ms: number; asOfWarmUpMaxMs: number; asOfErrors: number }> {
  const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
  const ask = async (date: string): Promise<{ ms: number; failed: boolean }> => {
    const started = performance.now();
    const res = await api.graphql<{ plan: { asOf: { summary: { total: number } } | null } }>(AS_OF_QUERY, { planId, date });
    return { ms: performance.now() - started, failed: res.errors !== undefined || !res.data?.plan.asOf };
  };
  const first = await ask(day(Math.floor(SPAN_DAYS / 2)));
  const warmUp = await Promise.all(Array.from({ length: AS_OF_CLIENTS }, (_, client) => ask(day(SPAN_DAYS - 1 - client * 17))));
  const answers = await Promise.all(
    Array.from({ length: AS_OF_CLIENTS }, async (_, client) => {
      const mine: { ms: number; failed: boolean }[] = [];
      for (let round = 0; round < AS_OF_ROUNDS; round++) mine.push(await ask(day(30 + (round * AS_OF_CLIENTS + client) * 23)));
      return mine;
    }),
  );
  const all = [...answers.flat(), ...warmUp];
  const sorted = answers
    .flat()
    .map((answer) => answer.ms)
    .sort((a, b) => a - b);
  return {
    asOfMs: first.ms,
    asOfConcurrentP99Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!,
    asOfWarmUpMaxMs: Math.max(...warmUp.map((answer) => answer.ms)),
    asOfErrors: all.filter((answer) => answer.failed).length + (first.failed ? 1 : 0),
  };
}
