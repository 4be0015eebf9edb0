import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { removeDir, tempDataDir } from './temp-dir.js';

export { removeDir, tempDataDir };

/** The api and the CLI as they are run (`npm run start:prod`, `npm run cli`): `npm test` builds before it runs the suites. */
export const API_MAIN = resolve('dist/api/main.mjs');
export const CLI_MAIN = resolve('dist/cli/main.mjs');

/** The flags node runs the api with in production (`npm run start:prod`): tests and benchmarks run the same process. */
export const API_NODE_FLAGS: readonly string[] = (() => {
  const scripts = (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return scripts['start:prod']!.split(/\s+/).filter((word) => word.startsWith('--'));
})();

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Api processes started and not yet exited: none outlives the test process, even when a test ends before stopping it. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

export interface RunningApi {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** The Prometheus text of `/metrics`: from `METRICS_PORT` when the api has one, with `METRICS_TOKEN` when it has one. */
  metrics(): Promise<string>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/**
 * Starts the real api (the bundle, or another build's `main`) on a free loopback port and waits until `/health` answers. Unless `env`
 * says otherwise (`METRICS_TOKEN`, `METRICS_PORT`; '' for unset), `/metrics` is served on the main port to a random
 * `METRICS_TOKEN`, which `metrics()` sends. Test files run side by side and each picks free ports: when another api
 * took the port in between, this one cannot listen and starts again on another port (unless `port` was given),
 * and an answer from that other api (it does not know this one's metrics token) is never taken for this one's.
 */
export async function startApi(
  options: { dataDir?: string; env?: Record<string, string>; port?: number; main?: string } = {},
): Promise<RunningApi> {
  const dataDir = options.dataDir ?? tempDataDir();
  for (let attempt = 1; ; attempt++) {
    const api = await spawnApi(options.main ?? API_MAIN, dataDir, options.port ?? (await freePort()), options.env ?? {});
    if (api !== 'port taken') return api;
    if (options.port !== undefined || attempt === 5) throw new Error(`api could not listen on its port (EADDRINUSE), attempt ${attempt}`);
  }
}

async function spawnApi(main: string, dataDir: string, port: number, more: Record<string, string>): Promise<RunningApi | 'port taken'> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    METRICS_TOKEN: randomBytes(24).toString('hex'),
    METRICS_PORT: '',
    ...more,
  };
  const child = spawn(process.execPath, [...API_NODE_FLAGS, main], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${port}`;
  /** Whether the server answering on `port` is this process: the only one that accepts its metrics token. */
  const answersAsThisOne = async () =>
    !env['METRICS_TOKEN'] ||
    Boolean(env['METRICS_PORT']) ||
    (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${env['METRICS_TOKEN']}` } })).status === 200;

  // Until /health answers, however long start-up takes on a busy machine (jest's timeout bounds a start that hangs;
  // the process is then killed when the test process exits).
  started.add(child);
  void exited.then(() => started.delete(child));
  for (;;) {
    if (child.exitCode !== null) {
      if (/EADDRINUSE/.test(output)) return 'port taken';
      throw new Error(`api exited with ${child.exitCode} during start-up:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if ((res.status === 200 || res.status === 503) && (await answersAsThisOne())) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async metrics() {
      const where = env['METRICS_PORT'] ? `http://127.0.0.1:${env['METRICS_PORT']}` : url;
      const res = await fetch(`${where}/metrics`, {
        headers: env['METRICS_TOKEN'] ? { authorization: `Bearer ${env['METRICS_TOKEN']}` } : {},
      });
      if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
      return res.text();
    },
    async graphql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollo-require-preflight': 'true',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse<never>, 'status'>;
      return { status: res.status, ...body } as never;
    },
  };
}
