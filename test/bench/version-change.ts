/**
 * A projection's version changes under query load: what readers of the api get while the new version is built beside
 * the one that serves, and how long the build takes to take over. Shared by the benchmark (`npm run bench`, on the
 * large log of cold-start-bench.ts) and the e2e test (test/e2e/version-change.e2e.ts, on a small one).
 *
 * The version change is made as an upgrade makes it: the read-model file records an older version of the projections
 * than the code has (their checkpoints are set one version back while the api is stopped), so the next start builds
 * the code's version from the start of the log.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type RunningApi, startApi } from '../support/api-process.js';
import { type BenchPlan, COMMITMENTS_QUERY, DASHBOARD_QUERY, DEADLINES_QUERY } from './api-client.js';

/** The read models whose version changes: the largest (milestones, reports) and the one every plan query reads. */
export const CHANGED_PROJECTIONS: readonly string[] = ['tracking', 'commitments'];
const QUERIES: Readonly<Record<string, string>> = {
  dashboard: DASHBOARD_QUERY,
  commitments: COMMITMENTS_QUERY,
  deadlines: DEADLINES_QUERY,
};
const CLIENTS = 4;
const TAKE_OVER_TIMEOUT_MS = 30 * 60_000;

export interface VersionChangeFigures {
  /** Answers to the plan's queries from the start of the api until every changed projection had taken over. */
  readonly answers: number;
  /** Of them, answered while a new version was being built (the health check said so just before). */
  readonly answersDuringBuild: number;
  /** Answers that differed from the complete answer (a partial table) or carried errors: the target is 0. */
  readonly partialAnswers: number;
  /** Of them, answers with errors, by code (`UNAVAILABLE` should not happen: a complete version serves). */
  readonly errors: Readonly<Record<string, number>>;
  /** The first wrong answer, if any. */
  readonly firstWrong: string | undefined;
  /** From spawning the api until the last changed projection had taken over. */
  readonly secondsToTakeOver: number;
  /** The longest take-over transaction (views, checkpoint, previous tables dropped), as the runner logged it. */
  readonly takeoverMs: number;
  /** The longest index creation before a take-over (the build's indexes, made once it has caught up). */
  readonly indexMs: number;
}

interface HealthBody {
  details?: Record<string, { status?: string } & Record<string, { phase?: string; available?: boolean } | string | undefined>>;
}

/** The phase of each named projection, as /health reports it. */
async function phases(api: RunningApi, names: readonly string[]): Promise<string[]> {
  const body = (await (await fetch(`${api.url}/health`)).json()) as HealthBody;
  const projections = body.details?.['projections'] as Record<string, { phase?: string } | undefined> | undefined;
  return names.map((name) => projections?.[name]?.phase ?? 'unknown');
}

/** Every query's answer once the api serves every read model at the head of the log. */
async function completeAnswers(api: RunningApi, plan: BenchPlan): Promise<Record<string, string>> {
  for (;;) {
    const info = await api.graphql<{ serverInfo: { projections: { state: string; lag: number }[] } }>(
      '{ serverInfo { projections { state lag } } }',
    );
    if (info.data?.serverInfo.projections.every((p) => p.state === 'RUNNING' && p.lag === 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answers: Record<string, string> = {};
  for (const [name, query] of Object.entries(QUERIES)) {
    const res = await api.graphql(query, { planId: plan.planId }, plan.focalToken);
    if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
    answers[name] = JSON.stringify(res.data);
  }
  return answers;
}

/** Sets the checkpoints of `names` one version back: the next start finds the code's version newer than the file's. */
function recordOlderVersions(dataDir: string, names: readonly string[]): void {
  const db = new Database(join(dataDir, 'read-models.sqlite'));
  try {
    const update = db.prepare('UPDATE projection_checkpoints SET version = version - 1 WHERE name = ?');
    for (const name of names) if (update.run(name).changes !== 1) throw new Error(`no checkpoint for projection '${name}'`);
  } finally {
    db.close();
  }
}

/** The largest `field` of the runner's take-over log lines. */
function loggedMax(output: string, field: 'takeoverMs' | 'indexMs'): number {
  let max = 0;
  for (const line of output.split('\n')) {
    if (!line.includes('read model taken over')) continue;
    try {
      max = Math.max(max, Number((JSON.parse(line) as Record<string, unknown>)[field] ?? 0));
    } catch {
      // not a log line
    }
  }
  return max;
}

/**
 * With the api stopped and its read models built for `plan`'s data directory: takes the complete answers, changes the
 * version of `names`, starts the api again and has CLIENTS clients ask the plan's queries in turn until every one of
 * `names` has taken over, comparing each answer with the complete one. Leaves the api stopped.
 */
export async function versionChangeUnderLoad(
  dataDir: string,
  plan: BenchPlan,
  names: readonly string[] = CHANGED_PROJECTIONS,
): Promise<VersionChangeFigures> {
  const before = await startApi({ dataDir });
  const complete = await completeAnswers(before, plan).finally(() => before.stop());
  recordOlderVersions(dataDir, names);

  const started = performance.now();
  const api = await startApi({ dataDir, env: { LOG_LEVEL: 'info' } });
  let building = true;
  let answers = 0;
  let answersDuringBuild = 0;
  let partialAnswers = 0;
  let firstWrong: string | undefined;
  const errors: Record<string, number> = {};
  const client = async (offset: number) => {
    const queries = Object.entries(QUERIES);
    for (let n = offset; building; n++) {
      const [name, query] = queries[n % queries.length]!;
      const duringBuild = building;
      const res = await api.graphql(query, { planId: plan.planId }, plan.focalToken);
      answers++;
      if (duringBuild) answersDuringBuild++;
      const answer = JSON.stringify(res.data);
      if (res.errors || answer !== complete[name]) {
        partialAnswers++;
        for (const error of res.errors ?? []) errors[String(error.extensions?.code)] = (errors[String(error.extensions?.code)] ?? 0) + 1;
        firstWrong ??= `${name}: ${res.errors ? JSON.stringify(res.errors) : answer.slice(0, 300)}`;
      }
    }
  };
  try {
    const clients = Array.from({ length: CLIENTS }, (_, offset) => client(offset));
    let secondsToTakeOver = 0;
    try {
      for (;;) {
        if ((await phases(api, names)).every((phase) => phase === 'live')) break;
        if (performance.now() - started > TAKE_OVER_TIMEOUT_MS)
          throw new Error(`${names.join(', ')} did not take over within ${TAKE_OVER_TIMEOUT_MS / 60_000} minutes`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      secondsToTakeOver = (performance.now() - started) / 1000;
    } finally {
      building = false;
      await Promise.all(clients);
    }
    const output = api.output();
    return {
      answers,
      answersDuringBuild,
      partialAnswers,
      errors,
      firstWrong,
      secondsToTakeOver,
      takeoverMs: loggedMax(output, 'takeoverMs'),
      indexMs: loggedMax(output, 'indexMs'),
    };
  } finally {
    await api.stop();
  }
}
