import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { embeddedBackend, eventStoreDbBackend } from '../support/event-store-backends.js';
import { actingAs } from '../support/acting-as.js';
import { planWithCommitments } from '../support/plan-fixture.js';
import { tokenFor } from '../support/tokens.js';

const ADMIN = 'admin@secretariat.example';
const FOCAL = 'focal@ministry.example';
const CLIENTS = 16;
const KILLS = 5;
const SCHEDULE = 'mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId position } }';

interface Acknowledged {
  readonly commandId: string;
  readonly commitmentId: string;
  readonly title: string;
  readonly itemId: string;
}

/** Every table of a read-model file, rows in a stable order (the checkpoints without the time they were written). */
function dumpReadModels(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[])
          .map((column) => column.name)
          .filter((column) => !(name === 'projection_checkpoints' && column === 'updated_at'))
          .map((column) => `"${column}"`)
          .join(', ');
        return [name, db.prepare(`SELECT ${columns} FROM "${name}" ORDER BY ${columns}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}

/**
 * The api killed with SIGKILL under load, again and again (and, on EventStoreDB, the database restarted under it):
 * every mutation it acknowledged is in the log and visible, no command is recorded twice however often a client
 * retried it, and the read models equal a clean rebuild.
 */
describe.each([
  ['the embedded store', embeddedBackend],
  ['the EventStoreDB test server', eventStoreDbBackend()],
])('the api killed under load, on %s', (_name, backend) => {
  let dataDir: string;
  let api: RunningApi;
  let token = '';
  let storeEnv: Record<string, string> = {};
  const commitmentIds: string[] = [];

  // Each start on a port of its own: the clients follow `api`, and a port left free while the api is down may be taken.
  const start = async () => (api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN, ...storeEnv } }));

  const tokens: Record<string, string> = {};
  const { ok } = actingAs(() => api, tokens);

  beforeAll(async () => {
    dataDir = tempDataDir('npa-crash-');
    storeEnv = await backend.start();
    await start();
    for (const who of [ADMIN, FOCAL]) tokens[who] = await tokenFor(dataDir, who);
    token = tokens[FOCAL]!;
    const { commitments } = await planWithCommitments(ok, {
      admin: ADMIN,
      coordinator: ADMIN,
      plan: { country: 'UG', title: 'Uganda NPA', periodStart: '2025-01-01', periodEnd: '2029-12-31', defaultDeadline: '2029-12-31' },
      stakeholders: { owner: { name: 'Ministry of Gender', kind: 'GOVERNMENT', sector: 'social', country: 'UG' } },
      participants: [{ subject: FOCAL, displayName: 'Focal point' }],
      grants: [[FOCAL, 'FOCAL_POINT', 'owner']],
      areas: [{ code: 'PREV', title: 'Prevention' }],
      commitments: Object.fromEntries(
        Array.from({ length: CLIENTS }, (_, n) => [
          `c${n}`,
          {
            by: FOCAL,
            owner: 'owner',
            thematicAreaCode: 'PREV',
            title: `Commitment ${n}`,
            description: 'Shelters',
            target: { indicator: 'shelters', unit: 'shelters', baseline: 0, targetValue: 10 },
            activate: false,
          },
        ]),
      ),
    });
    commitmentIds.push(...Object.values(commitments));
  });

  afterAll(async () => {
    await api?.stop();
    await backend.stop();
    removeDir(dataDir);
  });

  it(`loses no acknowledged mutation and records none twice across ${KILLS} SIGKILLs`, async () => {
    const acknowledged: Acknowledged[] = [];
    let attempts = 0;
    let stopping = false;

    /** One client: schedules milestones one after another, retrying each with its commandId until it is acknowledged. */
    const client = async (n: number) => {
      for (let k = 0; !stopping; k++) {
        const commandId = randomUUID();
        const title = `Client ${n} milestone ${k}`;
        for (;;) {
          attempts++;
          try {
            const res = await api.graphql<{ scheduleMilestone: { itemId: string } }>(
              SCHEDULE,
              { input: { commandId, commitmentId: commitmentIds[n], title, dueDate: '2027-06-30' } },
              token,
            );
            if (res.data) {
              acknowledged.push({ commandId, commitmentId: commitmentIds[n]!, title, itemId: res.data.scheduleMilestone.itemId });
              break;
            }
            const code = res.errors?.[0]?.extensions?.code;
            if (code !== 'UNAVAILABLE' && code !== 'INTERNAL') throw new Error(`refused: ${JSON.stringify(res.errors)}`);
          } catch (error) {
            // The server is down: try the same command again.
            if (error instanceof Error && error.message.startsWith('refused')) throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };

    let refused: unknown;
    const clients = Array.from({ length: CLIENTS }, (_, n) =>
      client(n).catch((error: unknown) => {
        refused ??= error;
      }),
    );
    /**
     * A random while, then until more mutations than there are clients have been acknowledged since `since`: however
     * slow the machine, the api serves the clients between two kills (a wait on their progress, not on the clock).
     */
    const served = async (since: number, pauseMs: number) => {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      while (acknowledged.length <= since + CLIENTS && refused === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    for (let kill = 0; kill < KILLS; kill++) {
      await served(acknowledged.length, 300 + Math.random() * 900);
      await api.stop('SIGKILL');
      await start();
      // Twice, the event store itself goes down under the api (a no-op on the embedded store).
      if (kill === 1 || kill === 3) await backend.restartStore();
    }
    await served(acknowledged.length, 500);
    stopping = true;
    await Promise.all(clients);
    if (refused !== undefined) throw refused;
    expect(acknowledged.length).toBeGreaterThan(KILLS * CLIENTS);
    expect(attempts).toBeGreaterThan(acknowledged.length); // some commands were retried across a kill

    // Every acknowledged mutation is in the log, exactly once.
    await api.stop();
    const scheduled = backend
      .recorded(dataDir, 'MilestoneScheduled')
      .map((data) => JSON.parse(data) as { milestoneId: string; title: string });
    const byTitle = new Map<string, number>();
    for (const event of scheduled) byTitle.set(event.title, (byTitle.get(event.title) ?? 0) + 1);
    for (const ack of acknowledged) expect([ack.title, byTitle.get(ack.title)]).toEqual([ack.title, 1]);
    expect(scheduled).toHaveLength(acknowledged.length);

    // And visible through the api.
    await start();
    for (const commitmentId of commitmentIds) {
      const read = await ok<{ commitment: { milestones: { id: string }[] } }>(
        FOCAL,
        'query ($id: ID!) { commitment(id: $id) { milestones { id } } }',
        { id: commitmentId },
      );
      const expected = acknowledged
        .filter((a) => a.commitmentId === commitmentId)
        .map((a) => a.itemId)
        .sort();
      expect(read.commitment.milestones.map((m) => m.id).sort()).toEqual(expected);
    }

    // The read models equal a clean rebuild, table by table.
    await api.stop();
    const survived = dumpReadModels(dataDir);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `read-models.sqlite${suffix}`), { force: true });
    await start();
    const head = await ok<{ serverInfo: { headPosition: string } }>(FOCAL, '{ serverInfo { headPosition } }', {});
    await ok(FOCAL, 'query ($after: Position) { plans(consistentAfter: $after) { totalCount } }', { after: head.serverInfo.headPosition });
    await api.stop();
    const rebuilt = dumpReadModels(dataDir);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(survived));
    for (const table of Object.keys(survived)) expect([table, rebuilt[table]]).toEqual([table, survived[table]]);
  }, 1_200_000);
});
