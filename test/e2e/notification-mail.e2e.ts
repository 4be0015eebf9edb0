import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { actingAs } from '../support/acting-as.js';
import { freePort, type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { runCli } from '../support/cli-process.js';
import { embeddedBackend, eventStoreDbBackend } from '../support/event-store-backends.js';
import { planWithCommitments } from '../support/plan-fixture.js';
import { tokenFor } from '../support/tokens.js';
import { until } from '../support/until.js';

const ADMIN = 'admin@secretariat.example';
/** Identity-provider subjects that are e-mail addresses: the mail goes there (no other address was recorded). */
const FOCAL = 'focal@ministry.example';
const ERASED = 'leaver@ministry.example';
/** A subject that is not an address: no e-mail for them. */
const OPAQUE = 'oidc|7f3a9c';
const AS_AT = '2026-03-01';

interface Received {
  readonly to: string[];
  readonly raw: string;
}

/** A real SMTP server in the test process (smtp-server): what the api hands it, as received. */
async function mailServer(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Quoted-printable soft line breaks joined, so the body's ASCII reads as written.
        const raw = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/=\r?\n/g, '');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A plan whose owner has three focal points (FOCAL, ERASED, OPAQUE), one milestone overdue and one due soon on AS_AT. */
async function setUp(ok: ReturnType<typeof actingAs>['ok']): Promise<{ commitmentId: string }> {
  const { commitments } = await planWithCommitments(ok, {
    admin: ADMIN,
    coordinator: ADMIN,
    plan: { country: 'UG', title: 'Uganda NPA', periodStart: '2025-01-01', periodEnd: '2029-12-31', defaultDeadline: '2029-12-31' },
    stakeholders: { owner: { name: 'Ministry of Gender', kind: 'GOVERNMENT', sector: 'social', country: 'UG' } },
    participants: [
      { subject: FOCAL, displayName: 'Focal point' },
      { subject: ERASED, displayName: 'Former focal point' },
      { subject: OPAQUE, displayName: 'Focal point without e-mail' },
    ],
    grants: [
      [FOCAL, 'FOCAL_POINT', 'owner'],
      [ERASED, 'FOCAL_POINT', 'owner'],
      [OPAQUE, 'FOCAL_POINT', 'owner'],
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
  const commitmentId = commitments.shelters;
  const schedule = 'mutation ($input: ScheduleMilestoneInput!) { scheduleMilestone(input: $input) { itemId } }';
  await ok(FOCAL, schedule, { input: { commitmentId, title: 'Train 80 officers', dueDate: '2026-02-15' } });
  await ok(FOCAL, schedule, { input: { commitmentId, title: 'Open two shelters', dueDate: '2026-03-20' } });
  return { commitmentId };
}

/**
 * Notification e-mail: each notification's e-mail goes out once, to the address the person gave (here: their subject),
 * never to someone erased or without an address; through SMTP when SMTP_URL is set, to DATA_DIR/outbox otherwise.
 */
describe('notification e-mail through SMTP', () => {
  let dataDir: string;
  let api: RunningApi;
  let smtp: Awaited<ReturnType<typeof mailServer>>;
  const tokens: Record<string, string> = {};
  const { ok } = actingAs(() => api, tokens);

  beforeAll(async () => {
    smtp = await mailServer();
    dataDir = tempDataDir('npa-mail-');
    api = await startApi({
      dataDir,
      env: {
        BOOTSTRAP_ADMIN: ADMIN,
        REMINDERS_INTERVAL_MINUTES: '0',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: '"Uganda NPA" <npa@gender.example>',
        PUBLIC_URL: 'https://npa.example.org',
      },
    });
    for (const who of [ADMIN, FOCAL, ERASED, OPAQUE]) tokens[who] = await tokenFor(dataDir, who);
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.close();
    removeDir(dataDir);
  });

  it('sends each reminder once, in English and French with a link, and nothing to those without an address', async () => {
    const { commitmentId } = await setUp(ok);
    const leaver = await ok<{ viewer: { participantId: string } }>(ERASED, '{ viewer { participantId } }');
    await ok(ADMIN, 'mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { version } }', {
      input: { participantId: leaver.viewer.participantId },
    });
    const pass = await runCli(['reminders', 'run', '--as-at', AS_AT], { DATA_DIR: dataDir });
    expect(pass.stdout).toContain('6 due, 6 recorded now');

    // Every notification's e-mail settled: two sent (to FOCAL), four without an address.
    const mailed = () => embeddedBackend.recorded(dataDir, 'NotificationMailed').map((data) => JSON.parse(data) as { outcome: string });
    await until(
      async () => mailed(),
      (events) => events.length === 6,
      100,
    );
    expect(mailed().filter((event) => event.outcome === 'SENT')).toHaveLength(2);
    expect(mailed().filter((event) => event.outcome === 'NO_ADDRESS')).toHaveLength(4);
    expect(smtp.received.map((mail) => mail.to)).toEqual([[FOCAL], [FOCAL]]);
    const overdue = smtp.received.find((mail) => /Subject: Overdue \/ En retard: Train 80 officers/.test(mail.raw));
    expect(overdue?.raw).toContain('From: Uganda NPA <npa@gender.example>');
    expect(overdue?.raw).toContain(`https://npa.example.org/commitments/${commitmentId}`);
    expect(overdue?.raw).toMatch(/was due on 2026-02-15 and is not completed/);
    expect(smtp.received.some((mail) => mail.raw.includes(`"Open two shelters" is due on 2026-03-20.`))).toBe(true);

    // A second pass records nothing, so nothing is sent again.
    const again = await runCli(['reminders', 'run', '--as-at', AS_AT], { DATA_DIR: dataDir });
    expect(again.stdout).toContain('6 due, 0 recorded now');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.received).toHaveLength(2);
    expect(mailed()).toHaveLength(6);

    const health = (await (await fetch(`${api.url}/health`)).json()) as { details: { mail: { transport: string; failing: number } } };
    expect(health.details.mail).toMatchObject({ transport: 'smtp', failing: 0 });
    expect(await api.metrics()).toMatch(/notification_mail_total\{outcome="sent"\} 2/);
  });
});

describe('notification e-mail without SMTP_URL', () => {
  let dataDir: string;
  let api: RunningApi;
  const tokens: Record<string, string> = {};
  const { ok } = actingAs(() => api, tokens);

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('is written to DATA_DIR/outbox as .eml files, one per notification', async () => {
    dataDir = tempDataDir('npa-outbox-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN, REMINDERS_INTERVAL_MINUTES: '0' } });
    for (const who of [ADMIN, FOCAL, ERASED, OPAQUE]) tokens[who] = await tokenFor(dataDir, who);
    await setUp(ok);
    await runCli(['reminders', 'run', '--as-at', AS_AT], { DATA_DIR: dataDir });
    const outbox = join(dataDir, 'outbox');
    // FOCAL and ERASED (not erased here) have addresses: two reminders each.
    await until(
      async () => embeddedBackend.recorded(dataDir, 'NotificationMailed').length,
      (count) => count === 6,
      100,
    );
    const files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
    expect(files).toHaveLength(4);
    const mail = readFileSync(join(outbox, files[0]!), 'utf8');
    expect(mail).toMatch(/^To: (focal|leaver)@ministry\.example$/m);
    expect(mail).toContain('Message-ID: <');
  });
});

describe('notification e-mail from two api instances on the EventStoreDB test server', () => {
  const backend = eventStoreDbBackend();
  const dataDirs = [tempDataDir('npa-mail-esdb-a-'), tempDataDir('npa-mail-esdb-b-')];
  let apis: RunningApi[] = [];
  let smtp: Awaited<ReturnType<typeof mailServer>>;
  const tokens: Record<string, string> = {};
  const { ok } = actingAs(() => apis[0]!, tokens);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await backend.stop();
    await smtp?.close();
    for (const dataDir of dataDirs) removeDir(dataDir);
  });

  it('sends each e-mail once: the instance whose claim is recorded first sends it', async () => {
    smtp = await mailServer();
    const storeEnv = await backend.start();
    const mail = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'npa@gender.example' };
    apis = [
      await startApi({ dataDir: dataDirs[0], env: { ...storeEnv, ...mail, BOOTSTRAP_ADMIN: ADMIN, REMINDERS_INTERVAL_MINUTES: '0' } }),
    ];
    for (const who of [ADMIN, FOCAL, ERASED, OPAQUE]) tokens[who] = await tokenFor(dataDirs[0]!, who);
    await setUp(ok);
    await apis[0]!.stop();
    // Both at once, each running a reminder pass (the two milestones are overdue today) and sending every second.
    apis = await Promise.all(dataDirs.map((dataDir) => startApi({ dataDir, env: { ...storeEnv, ...mail } })));
    const mailed = () => backend.recorded('', 'NotificationMailed');
    await until(
      async () => mailed().length,
      (count) => count === 6,
      100,
    );
    // Two reminders to each of three focal points; FOCAL and ERASED (not erased here) have addresses.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(mailed()).toHaveLength(6);
    expect(smtp.received).toHaveLength(4);
    const ids = smtp.received.map((received) => /^Message-ID: (.+)$/m.exec(received.raw)?.[1]);
    expect(new Set(ids).size).toBe(4);
  }, 240_000);
});
