/**
 * The soak (`npm run bench:soak`): 5 minutes (`SOAK_SECONDS`) of mixed load on the real api in a child process, on
 * the embedded default (SQLite) in a fresh data directory (under `./data`, or `$BENCH_DIR`), removed at the end.
 * 4 clients (autocannon) each send, in turn, a `scheduleMilestone` mutation (spread over 100 active commitments),
 * the plan dashboard, the first page of the plan's commitments and a week of deadlines.
 *
 * Every 10 s it prints the api process's resident memory (VmRSS from /proc), heap used (`nodejs_heap_size_used_bytes`
 * from `/metrics`, read every second: the latest reading and the lowest since the previous sample) and the live heap
 * (`nodejs_heap_used_after_major_gc_bytes`: heap used right after the latest major collection). Heap used swings by a
 * hundred MB between major collections under load, and even its lowest readings include the garbage made since the
 * last one, which grows with the size of the answers; the live heap does not. The soak fails (exit code 1) when the
 * lowest live heap measured after a major collection in the last minute is more than 15% above the lowest in the
 * second half of the first minute (the warm-up), or when any request failed (non-2xx, connection error, GraphQL
 * errors).
 */
import autocannon from 'autocannon';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApi } from '../support/api-process.js';
import {
  ADMIN,
  COMMITMENTS_QUERY,
  DASHBOARD_QUERY,
  DEADLINES_QUERY,
  JSON_HEADERS,
  heapReading,
  rssMb,
  scheduleMilestoneBody,
  setUpPlan,
} from './api-client.js';

const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 300);
const SAMPLE_SECONDS = 10;
const CLIENTS = 4;
const COMMITMENTS = 100;
const MAX_HEAP_GROWTH = 0.15;
/** The first minute, or the first fifth of a shortened run. */
const WARM_UP_SECONDS = Math.min(60, SECONDS / 5);
const LAST_WINDOW_SECONDS = Math.min(60, SECONDS - WARM_UP_SECONDS);

interface Reading {
  readonly at: number;
  readonly heapMb: number;
  /** The live heap left by the latest major collection; `fresh` when that collection came after the previous reading. */
  readonly liveHeapMb: number;
  readonly fresh: boolean;
  readonly majorGcs: number;
}

interface Sample {
  readonly at: number;
  readonly rssMb: number;
  readonly heapMb: number;
  /** The lowest heap used read since the previous sample. */
  readonly lowestHeapMb: number;
  readonly liveHeapMb: number;
  readonly majorGcs: number;
  readonly responses: number;
}

const lowest = (readings: readonly Reading[]): number => Math.min(...readings.map((r) => r.heapMb));
/** The lowest live heap measured right after a major collection during `readings`; undefined when none ran. */
const lowestLive = (readings: readonly Reading[]): number | undefined => {
  const live = readings.filter((r) => r.fresh && r.liveHeapMb > 0).map((r) => r.liveHeapMb);
  return live.length ? Math.min(...live) : undefined;
};
/** Major collections seen during `readings` (at least one makes its lowest reading a live heap). */
const collections = (readings: readonly Reading[]): number => (readings.length ? readings.at(-1)!.majorGcs - readings[0]!.majorGcs : 0);

const dir = resolve(process.env['BENCH_DIR'] ?? 'data', `soak-${Date.now()}`);
mkdirSync(dir, { recursive: true });
let failed = false;
try {
  const api = await startApi({ dataDir: dir, env: { BOOTSTRAP_ADMIN: ADMIN } });
  try {
    const plan = await setUpPlan(api, COMMITMENTS);
    const query = (text: string) => JSON.stringify({ query: text, variables: { planId: plan.planId } });
    console.log(
      `soak: ${SECONDS} s, ${CLIENTS} clients, each in turn: scheduleMilestone (over ${COMMITMENTS} commitments), plan dashboard, commitments, deadlines; ` +
        `api pid ${api.process.pid}, data in ${dir} (node ${process.version})\n`,
    );

    let responses = 0;
    let graphqlErrors = 0;
    let firstError: string | undefined;
    const onResponse = (status: number, body: string) => {
      responses++;
      if (status >= 200 && status < 300 && body.includes('"errors"')) {
        graphqlErrors++;
        firstError ??= body.slice(0, 300);
      } else if (status >= 300) {
        firstError ??= `${status} ${body.slice(0, 300)}`;
      }
    };
    let mutations = 0;
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: scheduleMilestoneBody(plan.commitmentIds[mutations % COMMITMENTS]!, mutations++) }),
        onResponse,
      },
      ...[DASHBOARD_QUERY, COMMITMENTS_QUERY, DEADLINES_QUERY].map((text): autocannon.Request => ({
        method: 'POST',
        body: query(text),
        onResponse,
      })),
    ];

    const readings: Reading[] = [];
    const samples: Sample[] = [];
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const read = async () => {
      const { heapUsedMb, liveHeapMb, majorGcs } = await heapReading(api);
      readings.push({ at: seconds(), heapMb: heapUsedMb, liveHeapMb, fresh: majorGcs > (readings.at(-1)?.majorGcs ?? 0), majorGcs });
    };
    const sample = () => {
      const previous = samples.at(-1);
      const since = readings.filter((r) => r.at > (previous?.at ?? 0));
      const latest = readings.at(-1);
      if (!latest || since.length === 0) return;
      const at = seconds();
      const taken: Sample = {
        at,
        rssMb: rssMb(api.process.pid) ?? Number.NaN,
        heapMb: latest.heapMb,
        lowestHeapMb: lowest(since),
        liveHeapMb: latest.liveHeapMb,
        majorGcs: latest.majorGcs,
        responses,
      };
      samples.push(taken);
      const rate = (taken.responses - (previous?.responses ?? 0)) / (at - (previous?.at ?? 0));
      console.log(
        `${`${at.toFixed(0)} s`.padStart(6)}  rss ${taken.rssMb.toFixed(1).padStart(6)} MB  heap used ${taken.heapMb.toFixed(1).padStart(6)} MB ` +
          `(lowest ${taken.lowestHeapMb.toFixed(1).padStart(6)} MB)  live ${taken.liveHeapMb.toFixed(1).padStart(6)} MB  major GCs ${String(taken.majorGcs).padStart(4)}  ${Math.round(rate).toLocaleString('en-US').padStart(6)} requests/s`,
      );
    };
    let reading = Promise.resolve();
    const reader = setInterval(() => {
      reading = reading.then(read).catch((error: unknown) => console.log(`reading /metrics failed: ${String(error)}`));
    }, 1000);
    const sampler = setInterval(() => void reading.then(sample), SAMPLE_SECONDS * 1000);
    let result: autocannon.Result;
    try {
      result = await autocannon({
        url: `${api.url}/graphql`,
        connections: CLIENTS,
        duration: SECONDS,
        method: 'POST',
        headers: { ...JSON_HEADERS, authorization: `Bearer ${plan.focalToken}` },
        requests,
      });
    } finally {
      clearInterval(reader);
      clearInterval(sampler);
      await reading;
    }

    console.log(
      `\n${result.requests.total.toLocaleString('en-US')} requests in ${result.duration.toFixed(0)} s (${mutations.toLocaleString('en-US')} mutations), ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; non-2xx ${result.non2xx}, connection errors ${result.errors}, GraphQL errors ${graphqlErrors}`,
    );
    if (result.non2xx + result.errors + graphqlErrors > 0) {
      failed = true;
      console.log(`FAILED: requests failed; the first: ${firstError ?? '(a connection error)'}`);
    }
    const warmUp = readings.filter((r) => r.at > WARM_UP_SECONDS / 2 && r.at <= WARM_UP_SECONDS);
    const last = readings.filter((r) => r.at > SECONDS - LAST_WINDOW_SECONDS);
    let growth: number | null = null;
    const before = lowestLive(warmUp);
    const after = lowestLive(last);
    if (before === undefined || after === undefined) {
      failed = true;
      console.log('FAILED: no major garbage collection in the warm-up or in the last minute to measure the live heap after');
    } else {
      growth = after / before - 1;
      const verdict = growth > MAX_HEAP_GROWTH ? 'FAILED' : 'ok';
      console.log(
        `live heap after a major GC, lowest: ${before.toFixed(1)} MB in ${(WARM_UP_SECONDS / 2).toFixed(0)}–${WARM_UP_SECONDS.toFixed(0)} s (${collections(warmUp)} major GCs), ` +
          `${after.toFixed(1)} MB in the last ${LAST_WINDOW_SECONDS.toFixed(0)} s (${collections(last)} major GCs): ` +
          `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% (limit +${MAX_HEAP_GROWTH * 100}%) ${verdict}`,
      );
      console.log(
        `lowest heap used, garbage included: ${lowest(warmUp).toFixed(1)} MB in the warm-up, ${lowest(last).toFixed(1)} MB in the last ${LAST_WINDOW_SECONDS.toFixed(0)} s`,
      );
      const rss = (from: number, to: number) => {
        const seen = samples.filter((s) => s.at > from && s.at <= to).map((s) => s.rssMb);
        return seen.length ? `${Math.max(...seen).toFixed(1)} MB` : 'n/a';
      };
      console.log(
        `rss: ${rss(0, WARM_UP_SECONDS + 1)} at most in the warm-up, ${rss(SECONDS - LAST_WINDOW_SECONDS, Infinity)} at most in the last ${LAST_WINDOW_SECONDS.toFixed(0)} s`,
      );
      if (growth > MAX_HEAP_GROWTH) failed = true;
    }
    console.log(
      JSON.stringify({
        soak_seconds: SECONDS,
        soak_requests: result.requests.total,
        soak_heap_growth: growth === null ? null : Number(growth.toFixed(3)),
        soak_samples: samples.map((s) => ({
          at_s: Math.round(s.at),
          rss_mb: Number(s.rssMb.toFixed(1)),
          heap_used_mb: Number(s.heapMb.toFixed(1)),
          lowest_heap_used_mb: Number(s.lowestHeapMb.toFixed(1)),
          live_heap_mb: Number(s.liveHeapMb.toFixed(1)),
        })),
      }),
    );
  } finally {
    await api.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
