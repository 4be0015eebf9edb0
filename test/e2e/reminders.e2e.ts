import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actingAs } from '../support/acting-as.js';
import { CLI_MAIN, type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { embeddedBackend, eventStoreDbBackend } from '../support/event-store-backends.js';
import { planWithCommitments } from '../support/plan-fixture.js';
import { tokenFor } from '../support/tokens.js';
import { until } from '../support/until.js';

const ADMIN = 'admin@secretariat.example';
const FOCAL = 'focal@ministry.example';
const DEPUTY = 'deputy@ministry.example';
const OTHER = 'focal@ngo.example';
/** The owner's focal points besides FOCAL and DEPUTY: each hears every reminder (a pass long enough to kill in the middle). */
const MORE = ['third@ministry.example', 'fourth@ministry.example'];
/** Deadlines are judged on this day by the CLI's passes (`--as-at`). */
const AS_AT = '2026-03-01';
const MILESTONES = 30;
const SCHEDULE = 'mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId } }';
const INBOX = `query ($unreadOnly: Boolean) {
  notifications(first: 100, unreadOnly: $unreadOnly) {
    totalCount unreadCount
    edges { node { id topic dueDate asOf read subject { kind id title planId commitmentId } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Inbox {
  notifications: {
    totalCount: number;
    unreadCount: number;
    edges: { node: { id: string; topic: string; dueDate: string; read: boolean; subject: { kind: string; title: string } } }[];
  };
}

/** `npm run cli -- reminders run …` as a child process the test may kill. */
function reminders(dataDir: string, ...args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(process.execPath, [CLI_MAIN, 'reminders', 'run', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, done: new Promise((resolve) => child.once('exit', (code) => resolve({ code, out }))) };
}

type Ok = ReturnType<typeof actingAs>['ok'];

/**
 * A plan coordinated by ADMIN, whose owner has four focal points (FOCAL, DEPUTY and MORE) and another stakeholder one (OTHER); its one
 * commitment has MILESTONES milestones due on `dueDate(n)` and one far ahead (never reminded). Tokens must be in place.
 */
async function setUpPlan(ok: Ok, dueDate: (n: number) => string): Promise<{ planId: string; ownerId: string }> {
  const fixture = await planWithCommitments(ok, {
    admin: ADMIN,
    coordinator: ADMIN,
    plan: { country: 'UG', title: 'Uganda NPA', periodStart: '2025-01-01', periodEnd: '2029-12-31', defaultDeadline: '2029-12-31' },
    stakeholders: {
      owner: { name: 'Ministry of Gender', kind: 'GOVERNMENT', sector: 'social', country: 'UG' },
      ngo: { name: 'Child rights coalition', kind: 'NGO', sector: 'civil society', country: 'UG' },
    },
    participants: [
      { subject: FOCAL, displayName: 'Focal point' },
      { subject: DEPUTY, displayName: 'Deputy focal point' },
      { subject: OTHER, displayName: 'NGO focal point' },
      ...MORE.map((subject, n) => ({ subject, displayName: `Focal point ${n + 3}` })),
    ],
    grants: [
      [ADMIN, 'COORDINATOR', 'plan'],
      [FOCAL, 'FOCAL_POINT', 'owner'],
      [DEPUTY, 'FOCAL_POINT', 'owner'],
      [OTHER, 'FOCAL_POINT', 'ngo'],
      ...MORE.map((subject) => [subject, 'FOCAL_POINT', 'owner'] as const),
    ],
    areas: [{ code: 'PREV', title: 'Prevention' }],
    commitments: {
      shelters: {
        by: FOCAL,
        owner: 'owner',
        thematicAreaCode: 'PREV',
        title: 'Shelters in every region',
        description: 'Shelters',
        target: { indicator: 'shelters', unit: 'shelters', baseline: 0, targetValue: 10 },
      },
    },
  });
  const commitmentId = fixture.commitments.shelters;
  for (let n = 0; n < MILESTONES; n++) {
    await ok(FOCAL, SCHEDULE, { input: { commitmentId, title: `Milestone ${n}`, dueDate: dueDate(n) } });
  }
  await ok(FOCAL, SCHEDULE, { input: { commitmentId, title: 'Far ahead', dueDate: '2029-06-30' } });
  return { planId: fixture.planId, ownerId: fixture.stakeholders.owner };
}

/**
 * Reminders: focal points hear of their stakeholder's deadlines that are due soon or overdue, each reminder once —
 * however often a pass runs, and when a pass is killed half-way and run again.
 */
describe('deadline reminders', () => {
  let dataDir: string;
  let api: RunningApi;
  const tokens: Record<string, string> = {};
  const { as, ok } = actingAs(() => api, tokens);
  let plan: { planId: string; ownerId: string };

  beforeAll(async () => {
    dataDir = tempDataDir('npa-reminders-');
    // No pass of the api's own here: the test runs them (the scheduler has its own test below).
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN, REMINDERS_INTERVAL_MINUTES: '0' } });
    for (const who of [ADMIN, FOCAL, DEPUTY, OTHER, ...MORE]) tokens[who] = await tokenFor(dataDir, who);
    plan = await setUpPlan(ok, (n) =>
      n % 2 === 0 ? `2026-02-${String(1 + (n % 27)).padStart(2, '0')}` : `2026-03-${String(2 + (n % 27)).padStart(2, '0')}`,
    );
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  const recorded = () =>
    embeddedBackend.recorded(dataDir, 'NotificationRecorded').map((data) => JSON.parse(data) as { notificationId: string });

  it('a pass killed half-way and run again records every reminder exactly once', async () => {
    const expected = MILESTONES * (2 + MORE.length); // to each focal point of the owner
    const first = reminders(dataDir, '--as-at', AS_AT);
    await until(
      async () => recorded().length,
      (count) => count >= 10 || first.child.exitCode !== null,
      5,
    );
    first.child.kill('SIGKILL');
    await first.done;
    const before = recorded().length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(expected); // killed in the middle of the pass

    const again = await reminders(dataDir, '--as-at', AS_AT).done;
    expect(again.code).toBe(0);
    expect(again.out).toContain(`reminders as of ${AS_AT}: ${expected} due, ${expected - before} recorded now, ${before} already recorded`);
    const ids = recorded().map((event) => event.notificationId);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);

    const third = await reminders(dataDir, '--as-at', AS_AT).done;
    expect(third.out).toContain(`${expected} due, 0 recorded now`);
    expect(recorded()).toHaveLength(expected);
  }, 180_000);

  it("a focal point reads their stakeholder's reminders, newest first, and marks them read", async () => {
    await until(
      () => ok<Inbox>(FOCAL, INBOX, {}),
      (inbox) => inbox.notifications.totalCount === MILESTONES,
      100,
    );
    const inbox = await ok<Inbox>(FOCAL, INBOX, {});
    expect(inbox.notifications.unreadCount).toBe(MILESTONES);
    const topics = inbox.notifications.edges.map((edge) => edge.node.topic);
    expect(topics.filter((topic) => topic === 'DEADLINE_OVERDUE')).toHaveLength(MILESTONES / 2);
    expect(topics.filter((topic) => topic === 'DEADLINE_DUE_SOON')).toHaveLength(MILESTONES / 2);
    expect(inbox.notifications.edges.some((edge) => edge.node.subject.title === 'Far ahead')).toBe(false);
    // Another stakeholder's focal point hears nothing of it; the anonymous reader is asked to sign in.
    expect((await ok<Inbox>(OTHER, INBOX, {})).notifications.totalCount).toBe(0);
    expect((await api.graphql(INBOX, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const [one, two] = inbox.notifications.edges.map((edge) => edge.node.id);
    const marked = await ok<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
      FOCAL,
      'mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }',
      { input: { ids: [one, two] } },
    );
    expect(marked.markNotificationsRead).toEqual({ marked: 2, unreadCount: MILESTONES - 2 });
    expect((await ok<Inbox>(FOCAL, INBOX, { unreadOnly: true })).notifications.totalCount).toBe(MILESTONES - 2);
    // Someone else's notification is not there for them; the deputy's are theirs alone.
    const foreign = await as(OTHER, 'mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked } }', {
      input: { ids: [one] },
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await ok<Inbox>(DEPUTY, INBOX, { unreadOnly: true })).notifications.totalCount).toBe(MILESTONES);
    // Without ids: every unread one.
    const all = await ok<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
      FOCAL,
      'mutation { markNotificationsRead(input: {}) { marked unreadCount } }',
    );
    expect(all.markNotificationsRead).toEqual({ marked: MILESTONES - 2, unreadCount: 0 });
  });

  it("tells the plan's coordinators, once, of a commitment waiting for them to activate it", async () => {
    const made = await ok<{ makeCommitment: { commitment: { id: string } } }>(
      FOCAL,
      'mutation ($input: MakeCommitmentInput!) { makeCommitment(input: $input) { commitment { id } } }',
      {
        input: {
          planId: plan.planId,
          thematicAreaCode: 'PREV',
          ownerId: plan.ownerId,
          title: 'Hotline for children',
          description: 'A free hotline',
          target: { indicator: 'calls answered', unit: 'calls', baseline: 0, targetValue: 1000 },
        },
      },
    );
    const pass = await reminders(dataDir, '--as-at', AS_AT).done;
    expect(pass.out).toContain('1 recorded now');
    const inbox = await until(
      () => ok<Inbox>(ADMIN, INBOX, {}),
      (answer) => answer.notifications.totalCount === 1,
      100,
    );
    expect(inbox.notifications.edges[0]!.node).toMatchObject({
      topic: 'COMMITMENT_AWAITING_ACTIVATION',
      subject: { kind: 'COMMITMENT', title: 'Hotline for children' },
    });
    await ok(ADMIN, 'mutation ($input: CommitmentLifecycleInput!) { activateCommitment(input: $input) { version } }', {
      input: { commitmentId: made.makeCommitment.commitment.id },
    });
    expect((await reminders(dataDir, '--as-at', AS_AT).done).out).toContain('0 recorded now');
  });

  it('tells focal points, once, of a report missing for a reporting period that has just ended', async () => {
    // The commitments were activated today: the first period they owe a report for ends with this year.
    const year = new Date().getUTCFullYear();
    const pass = await reminders(dataDir, '--as-at', `${year + 1}-01-15`).done;
    expect(pass.code).toBe(0);
    const missing = (inbox: Inbox) => inbox.notifications.edges.filter((edge) => edge.node.topic === 'REPORT_MISSING');
    const inbox = await until(
      () => ok<Inbox>(DEPUTY, INBOX, {}),
      (answer) => missing(answer).length > 0,
      100,
    );
    expect(
      missing(inbox)
        .map((edge) => [edge.node.subject.title, edge.node.dueDate])
        .sort(),
    ).toEqual([
      ['Hotline for children', `${year}-12-31`],
      ['Shelters in every region', `${year}-12-31`],
    ]);
    expect((await reminders(dataDir, '--as-at', `${year + 1}-01-20`).done).out).toContain('0 recorded now');
  });

  it('the CLI refuses a day that is not one', async () => {
    const bad = await reminders(dataDir, '--as-at', '2026-02-30').done;
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('--as-at must be a date such as 2013-12-10');
  });
});

describe('the api on its own', () => {
  let dataDir: string;
  let api: RunningApi;
  const tokens: Record<string, string> = {};
  const { as, ok } = actingAs(() => api, tokens);

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('runs a pass once the demo is seeded: a demo focal point sees their due-soon and overdue deadlines, and gets them by e-mail', async () => {
    dataDir = tempDataDir('npa-reminders-demo-');
    api = await startApi({ dataDir, env: { SEED_DEMO: 'true', DEMO_DATE: '2013-12-10' } });
    tokens['focal'] = await tokenFor(dataDir, 'demo-focal-canatur@canatur.example');
    // Until the demo has registered them and the pass has run.
    await until(
      () => as<Inbox>('focal', INBOX, {}),
      (inbox) => (inbox.data?.notifications.totalCount ?? 0) > 0,
      250,
    );
    const inbox = await ok<Inbox>('focal', INBOX, {});
    const topics = new Set(inbox.notifications.edges.map((edge) => edge.node.topic));
    expect(topics).toEqual(new Set(['DEADLINE_OVERDUE', 'DEADLINE_DUE_SOON']));
    // And the same by e-mail: without SMTP_URL, in DATA_DIR/outbox (the demo's subjects are their addresses).
    const mails = await until(
      async () =>
        existsSync(join(dataDir, 'outbox'))
          ? readdirSync(join(dataDir, 'outbox'))
              .filter((file) => file.endsWith('.eml'))
              .map((file) => readFileSync(join(dataDir, 'outbox', file), 'utf8'))
              .filter((mail) => /^To: demo-focal-canatur@canatur\.example$/m.test(mail))
          : [],
      (found) => found.length === inbox.notifications.totalCount,
      250,
    );
    expect(mails.some((mail) => /^Subject: Overdue \/ En retard: /m.test(mail))).toBe(true);
  }, 180_000);
});

describe('two api instances on the EventStoreDB test server', () => {
  const backend = eventStoreDbBackend();
  const dataDirs = [tempDataDir('npa-reminders-esdb-a-'), tempDataDir('npa-reminders-esdb-b-')];
  let apis: RunningApi[] = [];
  const tokens: Record<string, string> = {};
  const { ok } = actingAs(() => apis[0]!, tokens);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await backend.stop();
    for (const dataDir of dataDirs) removeDir(dataDir);
  });

  it('each run their pass at start, and each reminder is recorded once', async () => {
    const storeEnv = await backend.start();
    apis = [await startApi({ dataDir: dataDirs[0], env: { ...storeEnv, BOOTSTRAP_ADMIN: ADMIN, REMINDERS_INTERVAL_MINUTES: '0' } })];
    for (const who of [ADMIN, FOCAL, DEPUTY, OTHER, ...MORE]) tokens[who] = await tokenFor(dataDirs[0]!, who);
    // Due around the real today, which the apis judge on: half overdue, half due soon.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await setUpPlan(ok, (n) => (n % 2 === 0 ? day(-1 - (n % 20)) : day(1 + (n % 20))));
    await apis[0]!.stop();
    // Both at once, each with its own read models, both running a pass as soon as they have caught up.
    apis = await Promise.all(dataDirs.map((dataDir) => startApi({ dataDir, env: { ...storeEnv, LOG_LEVEL: 'info' } })));
    await until(
      async () => apis.map((api) => api.output()),
      (outputs) => outputs.every((output) => /"msg":"reminder pass"/.test(output)),
      100,
    );
    const expected = MILESTONES * (2 + MORE.length);
    const ids = backend.recorded('', 'NotificationRecorded').map((data) => (JSON.parse(data) as { notificationId: string }).notificationId);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    const passes = apis.map(
      (api) =>
        JSON.parse(
          api
            .output()
            .split('\n')
            .find((line) => line.includes('"msg":"reminder pass"'))!,
        ) as { due: number; recorded: number },
    );
    expect(passes.map((pass) => pass.due)).toEqual([expected, expected]);
    expect(passes[0]!.recorded + passes[1]!.recorded).toBe(expected);
  }, 240_000);
});
