import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { EsdbEventStore } from '#eventstore/esdb/esdb-event-store';
import { type Projection, ProjectionRunner, ReadModelStore } from '#projections';
import { fileURLToPath } from 'node:url';
import { type Figure, concurrently, measure } from './measure.js';
import { progressEvent } from './sample-events.js';
import { spawnEsdbTestServer } from '../support/esdb/spawn-server.js';

export interface EsdbFigures {
  readonly append: Figure;
  readonly catchUp: Figure;
}

const WRITERS = 32;
const PER_WRITER = 100;
const SEEDED = 20_000;
const SEED_BATCH = 500;

/** The EventStoreDB test server in a process of its own (so it and the client each have a core). */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const { child, url } = spawnEsdbTestServer(fileURLToPath(new URL('../support/esdb/main.js', import.meta.url)), ['--port', '0']);
  return { url: await url, child };
}

/**
 * Append and catch-up throughput through the EventStoreDB adapter against the test server. The test server holds
 * its log in memory in one Node.js process, so these figures measure the adapter and the client over gRPC as
 * bounded by that server, not EventStoreDB itself.
 */
export async function esdbBench(dir: string, projection: Projection): Promise<EsdbFigures> {
  const { url, child } = await startServer();
  const store = new EsdbEventStore({ connectionString: url });
  try {
    const append = await measure(WRITERS * PER_WRITER, () =>
      concurrently(WRITERS, PER_WRITER, (writer, n) =>
        store.append(`commitment-${writer}`, [progressEvent(n)], n === 0 ? 'no_stream' : BigInt(n - 1)),
      ),
    );
    for (let start = 0; start < SEEDED; start += SEED_BATCH) {
      await store.append(
        `commitment-seed${start / SEED_BATCH}`,
        Array.from({ length: SEED_BATCH }, (_, i) => progressEvent(start + i)),
        'no_stream',
      );
    }
    const readModels = ReadModelStore.open({ path: join(dir, 'esdb-catchup.sqlite') });
    const runner = new ProjectionRunner({ store, readModels, projections: [projection], batchSize: 1000 });
    const head = (await store.headPosition())!;
    const total = WRITERS * PER_WRITER + SEEDED;
    try {
      const catchUp = await measure(total, async () => {
        await runner.start();
        if (!(await runner.waitFor(head, 120_000))) throw new Error(`did not reach position ${head} within 120 s`);
      });
      return { append, catchUp };
    } finally {
      await runner.stop();
      readModels.close();
    }
  } finally {
    await store.close();
    // Wait for the server to be gone, so that it takes no CPU from the figures measured after it.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
