import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningApi, removeDir, startApi, tempDataDir } from '../support/api-process.js';
import { runCli } from '../support/cli-process.js';
import { tokenFor } from '../support/tokens.js';

const ADMIN = 'admin@secretariat.example';
const YOUTH = 'youth-4711@idp.example';
const OTHER = 'someone@ngo.example';
const REAL_NAME = 'Valentina Quesada Araya';
const EMAIL = 'valentina.quesada@correo.example';

const PARTICIPANT = 'query ($id: ID!) { participant(id: $id) { displayName personalData { realName email erased } } }';

/** Every file under `dir`, read whole, searched for `needle` as bytes. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesContaining(path, needle));
    else if (readFileSync(path).includes(Buffer.from(needle))) found.push(path);
  }
  return found;
}

describe('erasing personal data', () => {
  let dataDir: string;
  let api: RunningApi;
  let participantId = '';
  const token: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = tempDataDir('npa-e2e-erasure-');
    api = await startApi({ dataDir, env: { BOOTSTRAP_ADMIN: ADMIN } });
    for (const who of [ADMIN, YOUTH, OTHER]) token[who] = await tokenFor(dataDir, who);
  });

  afterAll(async () => {
    await api?.stop();
    removeDir(dataDir);
  });

  it('keeps the real name and e-mail out of the log in clear, and erases them everywhere while the events stay', async () => {
    const registered = await api.graphql<{ registerParticipant: { participant: { id: string; personalData: unknown } } }>(
      'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { participant { id personalData { realName email erased } } } }',
      { input: { subject: YOUTH, displayName: 'Luna', kind: 'YOUTH', ageBand: 'UNDER_18', realName: REAL_NAME, email: EMAIL } },
      token[ADMIN],
    );
    expect(registered.errors).toBeUndefined();
    participantId = registered.data!.registerParticipant.participant.id;
    expect(registered.data!.registerParticipant.participant.personalData).toEqual({ realName: REAL_NAME, email: EMAIL, erased: false });
    await api.graphql(
      'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { version } }',
      { input: { subject: OTHER, displayName: 'Other', kind: 'ADULT' } },
      token[ADMIN],
    );

    expect(filesContaining(dataDir, REAL_NAME)).toEqual([]);
    expect(filesContaining(dataDir, EMAIL)).toEqual([]);
    // The subject is personal data too: the log and read models name the person by a random id.
    expect(filesContaining(dataDir, YOUTH)).toEqual([]);
    expect(filesContaining(dataDir, OTHER)).toEqual([]);
    expect(participantId).toMatch(/^[0-9a-f-]{36}$/);
    // The keys are in a file of their own that only the api's user may read.
    expect(statSync(join(dataDir, 'keys.sqlite')).mode & 0o777).toBe(0o600);
    const subjectRead = await api.graphql<{ participant: { personalData: { subject: string } } }>(
      'query ($id: ID!) { participant(id: $id) { personalData { subject } } }',
      { id: participantId },
      token[ADMIN],
    );
    expect(subjectRead.data!.participant.personalData.subject).toBe(YOUTH);

    const self = await api.graphql<{ participant: { personalData: unknown } }>(PARTICIPANT, { id: participantId }, token[YOUTH]);
    expect(self.data!.participant.personalData).toEqual({ realName: REAL_NAME, email: EMAIL, erased: false });
    const other = await api.graphql(PARTICIPANT, { id: participantId }, token[OTHER]);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const erase =
      'mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { participant { displayName personalData { realName email erased } } } }';
    expect((await api.graphql(erase, { input: { participantId } }, token[OTHER])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const erased = await api.graphql<{ erasePersonalData: { participant: { displayName: string; personalData: unknown } } }>(
      erase,
      { input: { participantId } },
      token[YOUTH],
    );
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePersonalData.participant).toEqual({
      displayName: 'Luna',
      personalData: { realName: null, email: null, erased: true },
    });
    expect((await api.graphql(erase, { input: { participantId } }, token[ADMIN])).errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');

    // Their token no longer leads to them, and the same subject cannot be registered again as someone new.
    const viewer = await api.graphql<{ viewer: { participantId: string | null; roles: unknown[] } }>(
      '{ viewer { participantId roles { role } } }',
      undefined,
      token[YOUTH],
    );
    expect(viewer.data!.viewer).toEqual({ participantId: null, roles: [] });
    const again = await api.graphql(
      'mutation ($input: RegisterParticipantInput!) { registerParticipant(input: $input) { version } }',
      { input: { subject: YOUTH, displayName: 'Luna again', kind: 'ADULT', realName: 'Luna Again', email: 'luna.again@correo.example' } },
      token[ADMIN],
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'participant.erased' });

    // Rebuild every read model from scratch with the api stopped, start again: still erased; the events are all there.
    await api.stop();
    const rebuilt = await runCli(['rebuild-projections'], { DATA_DIR: dataDir });
    expect(rebuilt.code).toBe(0);
    api = await startApi({ dataDir });
    const afterRebuild = await api.graphql<{ participant: { displayName: string; personalData: unknown } }>(
      PARTICIPANT,
      { id: participantId },
      token[ADMIN],
    );
    expect(afterRebuild.data!.participant).toEqual({ displayName: 'Luna', personalData: { realName: null, email: null, erased: true } });
    const tail = await runCli(['events', 'tail'], { DATA_DIR: dataDir });
    expect(tail.stdout).toContain('"type":"ParticipantRegistered"');
    expect(tail.stdout).toContain('"type":"PersonalDataErased"');
    expect(filesContaining(dataDir, REAL_NAME)).toEqual([]);
    expect(filesContaining(dataDir, EMAIL)).toEqual([]);
    expect(filesContaining(dataDir, YOUTH)).toEqual([]);
    const reread = await api.graphql<{ viewer: { participantId: string | null } }>('{ viewer { participantId } }', undefined, token[YOUTH]);
    expect(reread.data!.viewer.participantId).toBeNull();
  });

  it('never erases an administrator who still holds ADMIN, and a refused erasure leaves the person and their key as they were', async () => {
    const viewer = async () =>
      (
        await api.graphql<{ viewer: { participantId: string | null; roles: { role: string }[] } }>(
          '{ viewer { participantId roles { role } } }',
          undefined,
          token[ADMIN],
        )
      ).data!.viewer;
    const before = await viewer();
    expect(before.roles.map((grant) => grant.role)).toContain('ADMIN');
    const head = async () =>
      (await api.graphql<{ serverInfo: { headPosition: string } }>('{ serverInfo { headPosition } }')).data!.serverInfo.headPosition;
    const position = await head();

    const refused = await api.graphql(
      'mutation ($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) { version } }',
      { input: { participantId: before.participantId } },
      token[ADMIN],
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'participant.erase_admin' });
    expect(await head()).toBe(position);
    // Still the same person, still an administrator, and their subject still known to the platform.
    expect(await viewer()).toEqual(before);
    const subject = await api.graphql<{ participant: { personalData: { subject: string; erased: boolean } } }>(
      'query ($id: ID!) { participant(id: $id) { personalData { subject erased } } }',
      { id: before.participantId },
      token[ADMIN],
    );
    expect(subject.data!.participant.personalData).toEqual({ subject: ADMIN, erased: false });
  });
});
