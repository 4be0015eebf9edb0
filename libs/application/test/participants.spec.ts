import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { participantStream } from '#domain';
import { MemoryEventStore } from '#eventstore';
import {
  bootstrapAdmin,
  type Clock,
  type CommandContext,
  erasePersonalData,
  ForbiddenError,
  grantRole,
  Identities,
  legacyParticipantId,
  MemoryKeyStore,
  NotFoundError,
  participantsProjection,
  PersonalDataVault,
  registerParticipant,
  revokeRole,
  RuleViolation,
  RunUseCase,
  SqliteCatalogueReader,
  SqliteGrantsReader,
  SqliteParticipantsReader,
  UseCaseHandler,
  viewerOf,
} from '#application';
import { SqliteReadModel } from './sqlite-read-model.js';
import { portsOf } from './use-case-ports.js';

const now = new Date('2026-11-23T10:00:00.000Z');
const clock: Clock = { now: () => now };
const as = (actor: string, extra: Partial<CommandContext> = {}): CommandContext => ({ actor, correlationId: randomUUID(), now, ...extra });
const operator = as('cli:root', { asOperator: true });

describe('participant handlers', () => {
  let store: MemoryEventStore;
  let keys: MemoryKeyStore;
  let identities: Identities;
  let readModel: SqliteReadModel;
  let grants: SqliteGrantsReader;
  let participants: SqliteParticipantsReader;
  /** The command bus's one handler, with the ports these use cases read. */
  let register: UseCaseHandler;
  let grant: UseCaseHandler;
  let revoke: UseCaseHandler;
  const bootstrap = (subject: string) => bootstrapAdmin(store, identities, grants, subject, clock.now());
  /** What the projection runner does in the api: bring the read model up to the log. */
  const settle = () => readModel.catchUp(store);
  const eventCount = async () => (await store.readAll()).length;
  /** The participant a subject is: actors are participant ids, never subjects. */
  const idOf = async (subject: string) => (await identities.participantOf(subject))!;
  const withAdmin = async (subject = 'admin@secretariat.example') => {
    await bootstrap(subject);
    await settle();
    return idOf(subject);
  };

  beforeEach(() => {
    store = new MemoryEventStore();
    keys = new MemoryKeyStore();
    identities = new Identities(store, keys);
    readModel = new SqliteReadModel(participantsProjection);
    grants = new SqliteGrantsReader(readModel.db);
    participants = new SqliteParticipantsReader(readModel.db);
    register = new UseCaseHandler(portsOf({ store, grants, identities, catalogue: new SqliteCatalogueReader(readModel.db) }));
    grant = register;
    revoke = register;
  });
  afterEach(() => readModel.close());

  describe('bootstrap admin', () => {
    it('registers the subject under an id that reveals nothing, and grants ADMIN, as the system, when the platform has no admin', async () => {
      const result = await bootstrap('admin@secretariat.example');
      expect(result).toMatchObject({ version: 1, position: 2n });
      expect(result!.participantId).toBe(await idOf('admin@secretariat.example'));
      expect(result!.participantId).not.toBe(legacyParticipantId('admin@secretariat.example'));
      expect(result?.participant).toMatchObject({ displayName: 'Administrator', kind: 'ADULT' });
      const events = await store.readAll();
      expect(events.map((e) => [e.type, e.metadata.actor, e.metadata.commandType])).toEqual([
        ['ParticipantRegistered', 'system', 'BootstrapAdmin'],
        ['RoleGranted', 'system', 'BootstrapAdmin'],
      ]);
      expect(JSON.stringify(events.map((e) => [e.data, e.metadata]))).not.toContain('admin@secretariat.example');
      await settle();
      expect(grants.rolesOf(result!.participantId)).toEqual([{ role: 'ADMIN', scope: null }]);
    });

    it('does nothing once there is an admin', async () => {
      await withAdmin();
      expect(await bootstrap('someone-else')).toBeUndefined();
      expect(await bootstrap('admin@secretariat.example')).toBeUndefined();
      expect(await eventCount()).toBe(2);
    });

    it('only grants ADMIN to a subject registered earlier', async () => {
      await register.execute(
        new RunUseCase(registerParticipant, { subject: 'operator@secretariat.example', displayName: 'Operator', kind: 'ADULT' }, operator),
      );
      const result = await bootstrap('operator@secretariat.example');
      expect(result?.participant).toMatchObject({ displayName: 'Operator', roles: [{ role: 'ADMIN', scope: null }] });
      expect((await store.readAll()).map((e) => e.type)).toEqual(['ParticipantRegistered', 'RoleGranted']);
    });
  });

  it('lets an admin register and grant; the subject is sealed, the result names the participant, its version and position', async () => {
    const admin = await withAdmin();
    const ctx = as(admin);
    const registered = await register.execute(
      new RunUseCase(registerParticipant, { subject: 'youth@panel.example', displayName: 'River', kind: 'YOUTH' }, ctx),
    );
    expect(registered).toMatchObject({ participantId: await idOf('youth@panel.example'), version: 0, position: 3n });
    const granted = await grant.execute(
      new RunUseCase(grantRole, { subject: 'youth@panel.example', role: 'YOUTH', scope: 'stakeholder-panel' }, as(admin)),
    );
    expect(granted).toMatchObject({ participantId: registered.participantId, version: 1, position: 4n });
    expect(granted.participant.roles).toEqual([{ role: 'YOUTH', scope: 'stakeholder-panel' }]);
    const [registration] = await store.readStream(participantStream(registered.participantId));
    expect(registration!.metadata).toMatchObject({ actor: admin, correlationId: ctx.correlationId, commandType: 'RegisterParticipant' });
    expect(JSON.stringify([registration!.data, registration!.metadata])).not.toContain('youth@panel.example');
    expect(
      await new PersonalDataVault(keys).open(registered.participantId, (registration!.data as { personalData: never }).personalData),
    ).toEqual({
      subject: 'youth@panel.example',
      realName: null,
      email: null,
    });
  });

  it('refuses a non-admin with FORBIDDEN and records nothing', async () => {
    const admin = await withAdmin();
    await register.execute(new RunUseCase(registerParticipant, { subject: 'coordinator', displayName: 'C', kind: 'ADULT' }, as(admin)));
    await grant.execute(new RunUseCase(grantRole, { subject: 'coordinator', role: 'COORDINATOR', scope: 'plan-1' }, as(admin)));
    await settle();
    const coordinator = await idOf('coordinator');
    const before = await eventCount();
    const attempts = [
      register.execute(new RunUseCase(registerParticipant, { subject: 'x', displayName: 'X', kind: 'ADULT' }, as(coordinator))),
      grant.execute(new RunUseCase(grantRole, { subject: 'coordinator', role: 'ADMIN', scope: null }, as(coordinator))),
      revoke.execute(
        new RunUseCase(revokeRole, { subject: 'admin@secretariat.example', role: 'ADMIN', scope: null, reason: null }, as('stranger')),
      ),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(await eventCount()).toBe(before);
  });

  it('answers NOT_FOUND for a grant or revocation on an unregistered subject', async () => {
    const admin = await withAdmin();
    await expect(
      grant.execute(new RunUseCase(grantRole, { subject: 'ghost', role: 'MONITOR', scope: 'plan-1' }, as(admin))),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      revoke.execute(new RunUseCase(revokeRole, { subject: 'ghost', role: 'MONITOR', scope: 'plan-1', reason: null }, as(admin))),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('passes the domain rules through as RULE_VIOLATION', async () => {
    const admin = await withAdmin();
    const again = register.execute(
      new RunUseCase(registerParticipant, { subject: 'admin@secretariat.example', displayName: 'Again', kind: 'ADULT' }, as(admin)),
    );
    await expect(again).rejects.toMatchObject({ code: 'RULE_VIOLATION', rule: 'participant.already_registered' });
  });

  it('answers a retried grant (same commandId) with the first result and records it once', async () => {
    const admin = await withAdmin();
    await register.execute(new RunUseCase(registerParticipant, { subject: 'monitor', displayName: 'M', kind: 'ADULT' }, as(admin)));
    const commandId = randomUUID();
    const command = () => new RunUseCase(grantRole, { subject: 'monitor', role: 'MONITOR', scope: 'plan-1' }, as(admin, { commandId }));
    const first = await grant.execute(command());
    const retried = await grant.execute(command());
    expect(retried).toEqual(first);
    expect(await eventCount()).toBe(4);
  });

  it('never revokes the last admin, but revokes an admin when another remains', async () => {
    const admin = await withAdmin();
    const lastAdmin = revoke.execute(
      new RunUseCase(revokeRole, { subject: 'admin@secretariat.example', role: 'ADMIN', scope: null, reason: null }, as(admin)),
    );
    await expect(lastAdmin).rejects.toBeInstanceOf(RuleViolation);
    await expect(lastAdmin).rejects.toMatchObject({ rule: 'participant.last_admin' });

    await register.execute(new RunUseCase(registerParticipant, { subject: 'second', displayName: 'Second', kind: 'ADULT' }, as(admin)));
    await grant.execute(new RunUseCase(grantRole, { subject: 'second', role: 'ADMIN', scope: null }, as(admin)));
    await settle();
    const revoked = await revoke.execute(
      new RunUseCase(
        revokeRole,
        { subject: 'admin@secretariat.example', role: 'ADMIN', scope: null, reason: 'handed over' },
        as(await idOf('second')),
      ),
    );
    expect(revoked.participant.roles).toEqual([]);
    await settle();
    expect(grants.rolesOf(admin)).toEqual([]);
    expect(grants.adminCount()).toBe(1);
  });

  it('answers the viewer and a participant from the read model', async () => {
    const admin = await withAdmin();
    expect(viewerOf(participants, 'admin@secretariat.example', admin)).toEqual({
      subject: 'admin@secretariat.example',
      participantId: admin,
      displayName: 'Administrator',
      roles: [{ role: 'ADMIN', scope: null }],
    });
    expect(viewerOf(participants, 'unknown', null)).toEqual({ subject: 'unknown', participantId: null, displayName: null, roles: [] });
    expect(participants.byId(admin)).toMatchObject({ id: admin, version: 1 });
    expect(participants.byId(randomUUID())).toBeUndefined();
  });

  it('finds participants registered before the subject was sealed by the id derived from it', async () => {
    // A registration as older versions recorded it: the id derived from the subject, the subject in clear.
    const legacy = legacyParticipantId('old@ministry.example');
    const data = { participantId: legacy, subject: 'old@ministry.example', displayName: 'Old', kind: 'ADULT' };
    await store.append(participantStream(legacy), [
      {
        id: randomUUID(),
        type: 'ParticipantRegistered',
        data,
        metadata: { correlationId: 'c', occurredAt: now.toISOString(), schemaVersion: 1 },
      },
    ]);
    await register.execute(new RunUseCase(grantRole, { subject: 'old@ministry.example', role: 'MONITOR', scope: 'plan-1' }, operator));
    expect(await identities.participantOf('old@ministry.example')).toBe(legacy);
    expect(await identities.subjectOf(legacy)).toBe('old@ministry.example');
  });

  it('erases the person: the subject no longer finds them, and registering it again is a clear error that changes nothing', async () => {
    const admin = await withAdmin();
    const registered = await register.execute(
      new RunUseCase(
        registerParticipant,
        { subject: 'luna@youth.example', displayName: 'Luna', kind: 'YOUTH', realName: 'Luna Quesada', email: 'luna@correo.example' },
        as(admin),
      ),
    );
    await settle();
    const erase = new UseCaseHandler(portsOf({ store, grants, participants, vault: new PersonalDataVault(keys) }));
    await erase.execute(new RunUseCase(erasePersonalData, { participantId: registered.participantId }, as(registered.participantId)));
    expect(await identities.participantOf('luna@youth.example')).toBeUndefined();
    expect(await identities.subjectOf(registered.participantId)).toBeUndefined();
    const before = await eventCount();
    await expect(
      register.execute(
        new RunUseCase(registerParticipant, { subject: 'luna@youth.example', displayName: 'Luna', kind: 'YOUTH' }, as(admin)),
      ),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'participant.erased',
    });
    expect(await eventCount()).toBe(before);
    expect(await keys.existingKey(registered.participantId)).toBeUndefined();
  });
});
