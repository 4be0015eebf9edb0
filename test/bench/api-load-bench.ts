/**
 * Throughput and latency of the real api over HTTP under 32 concurrent clients (autocannon). The api runs as a child
 * process (compiled main.js) on the embedded default (SQLite) in a fresh data directory, with one plan, one
 * stakeholder, its focal point and 32 active commitments. Two runs on the same server, one after the other:
 * `scheduleMilestone` mutations (each request its own title and commandId, each client on its own commitment), and
 * the trivial query `{ serverInfo { version } }`, the ceiling of the HTTP and GraphQL stack itself.
 */
import autocannon from 'autocannon';
import { join } from 'node:path';
import { startApi } from '../support/api-process.js';
import { ADMIN, JSON_HEADERS, TRIVIAL_QUERY, scheduleMilestoneBody, setUpPlan } from './api-client.js';
import type { Figure } from './measure.js';

export const CLIENTS = 32;
const SECONDS = Number(process.env['BENCH_API_SECONDS'] ?? 10);
const WARM_UP_SECONDS = 2;

export interface LoadRun {
  readonly figure: Figure;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Responses other than 2xx, and connection errors or timeouts. */
  readonly non2xx: number;
  readonly errors: number;
  /** 2xx responses whose body carries GraphQL `errors`. */
  readonly graphqlErrors: number;
  readonly firstError: string | undefined;
}

export interface ApiLoadFigures {
  readonly mutation: LoadRun;
  readonly trivial: LoadRun;
}

/**
 * `seconds` of POSTs to `/graphql` from `connections` clients, each sending its next request when the previous one
 * has been answered. `body(client, n)` gives the body of the n-th request overall, sent by client `client`.
 */
export async function load(options: {
  url: string;
  connections: number;
  seconds: number;
  token?: string;
  body: (client: number, n: number) => string;
}): Promise<LoadRun> {
  let clients = 0;
  let sent = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: `${options.url}/graphql`,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { ...JSON_HEADERS, ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          // autocannon carries each connection's headers over from one request to the next: a header set on its
          // first request names the client for the rest of the run.
          const headers = (request.headers ??= {});
          headers['x-bench-client'] ??= String(clients++ % options.connections);
          return { ...request, body: options.body(Number(headers['x-bench-client']), sent++) };
        },
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && body.includes('"errors"')) {
            graphqlErrors++;
            firstError ??= body.slice(0, 300);
          } else if (status >= 300) {
            firstError ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  return {
    figure: { operations: result.requests.total, seconds: result.duration, perSecond: result.requests.total / result.duration },
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    graphqlErrors,
    firstError,
  };
}

export async function apiLoadBench(dir: string): Promise<ApiLoadFigures> {
  const api = await startApi({ dataDir: join(dir, 'api-load'), env: { BOOTSTRAP_ADMIN: ADMIN } });
  try {
    const plan = await setUpPlan(api, CLIENTS);
    const mutation = (client: number, n: number) => scheduleMilestoneBody(plan.commitmentIds[client % plan.commitmentIds.length]!, n);
    // Warm both paths up (JIT, statement caches) before measuring either.
    await load({ url: api.url, connections: CLIENTS, seconds: WARM_UP_SECONDS, body: () => TRIVIAL_QUERY });
    await load({ url: api.url, connections: CLIENTS, seconds: WARM_UP_SECONDS, token: plan.focalToken, body: mutation });
    const trivial = await load({ url: api.url, connections: CLIENTS, seconds: SECONDS, body: () => TRIVIAL_QUERY });
    const mutationRun = await load({ url: api.url, connections: CLIENTS, seconds: SECONDS, token: plan.focalToken, body: mutation });
    return { mutation: mutationRun, trivial };
  } finally {
    await api.stop();
  }
}
