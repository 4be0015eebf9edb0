import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { participantStream } from '#domain';
import { MemoryEventStore } from '#eventstore';
import {
  MemoryKeyStore,
  SqliteCatalogueReader,
  PersonalDataVault,
  BootstrapAdminCommand,
  BootstrapAdminHandler,
  type Clock,
  type CommandContext,
  ForbiddenError,
  GetParticipantHandler,
  GetParticipantQuery,
  GetViewerHandler,
  GetViewerQuery,
  GrantRoleCommand,
  GrantRoleHandler,
  NotFoundError,
  participantIdOf,
  participantsProjection,
  RegisterParticipantCommand,
  RegisterParticipantHandler,
  RevokeRoleCommand,
  RevokeRoleHandler,
  RuleViolation,
  runParticipantCommand,
  SqliteGrantsReader,
  SqliteParticipantsReader,
} from '#application';
import { SqliteReadModel } from './sqlite-read-model.js';

const now = new Date('2026-11-23T10:00:00.000Z');
const clock: Clock = { now: () => now };
const as = (actor: string, extra: Partial<CommandContext> = {}): CommandContext => ({ actor, correlationId: randomUUID(), now, ...extra });

describe('participant handlers', () => {
  let store: MemoryEventStore;
  let readModel: SqliteReadModel;
  let grants: SqliteGrantsReader;
  let participants: SqliteParticipantsReader;
  let register: RegisterParticipantHandler;
  let grant: GrantRoleHandler;
  let revoke: RevokeRoleHandler;
  let bootstrap: BootstrapAdminHandler;
  /** What the projection runner does in the api: bring the read model up to the log. */
  const settle = () => readModel.catchUp(store);
  const eventCount = async () => (await store.readAll()).length;
  const withAdmin = async (subject = 'admin') => {
    await bootstrap.execute(new BootstrapAdminCommand(subject));
    await settle();
  };

  beforeEach(() => {
    store = new MemoryEventStore();
    readModel = new SqliteReadModel(participantsProjection);
    grants = new SqliteGrantsReader(readModel.db);
    participants = new SqliteParticipantsReader(readModel.db);
    register = new RegisterParticipantHandler(store, grants, new PersonalDataVault(new MemoryKeyStore()), new SqliteCatalogueReader(readModel.db));
    grant = new GrantRoleHandler(store, grants);
    revoke = new RevokeRoleHandler(store, grants);
    bootstrap = new BootstrapAdminHandler(store, grants, clock);
  });
  afterEach(() => readModel.close());

  describe('bootstrap admin', () => {
    it('registers the subject and grants ADMIN, as the system, when the platform has no admin', async () => {
      const result = await bootstrap.execute(new BootstrapAdminCommand('admin@secretariat.example'));
      expect(result).toMatchObject({ participantId: participantIdOf('admin@secretariat.example'), version: 1, position: 2n });
      expect(result?.participant).toMatchObject({ subject: 'admin@secretariat.example', displayName: 'admin@secretariat.example', kind: 'ADULT' });
      const events = await store.readAll();
      expect(events.map((e) => [e.type, e.metadata.actor, e.metadata.commandType])).toEqual([
        ['ParticipantRegistered', 'system', 'BootstrapAdmin'],
        ['RoleGranted', 'system', 'BootstrapAdmin'],
      ]);
      await settle();
      expect(grants.rolesOf('admin@secretariat.example')).toEqual([{ role: 'ADMIN', scope: null }]);
    });

    it('does nothing once there is an admin', async () => {
      await withAdmin('admin@secretariat.example');
      expect(await bootstrap.execute(new BootstrapAdminCommand('someone-else'))).toBeUndefined();
      expect(await bootstrap.execute(new BootstrapAdminCommand('admin@secretariat.example'))).toBeUndefined();
      expect(await eventCount()).toBe(2);
    });

    it('only grants ADMIN to a subject registered earlier', async () => {
      const subject = 'operator@secretariat.example';
      const participantId = participantIdOf(subject);
      await runParticipantCommand(store, subject, { type: 'RegisterParticipant', participantId, subject, displayName: 'Operator', kind: 'ADULT' }, as('cli:root'));
      const result = await bootstrap.execute(new BootstrapAdminCommand(subject));
      expect(result?.participant).toMatchObject({ displayName: 'Operator', roles: [{ role: 'ADMIN', scope: null }] });
      expect((await store.readAll()).map((e) => e.type)).toEqual(['ParticipantRegistered', 'RoleGranted']);
    });
  });

  it('lets an admin register and grant; the result names the participant, its version and position', async () => {
    await withAdmin();
    const ctx = as('admin');
    const registered = await register.execute(new RegisterParticipantCommand({ subject: 'youth@panel.example', displayName: 'River', kind: 'YOUTH' }, ctx));
    expect(registered).toMatchObject({ participantId: participantIdOf('youth@panel.example'), version: 0, position: 3n });
    const granted = await grant.execute(new GrantRoleCommand({ subject: 'youth@panel.example', role: 'YOUTH', scope: 'stakeholder-panel' }, as('admin')));
    expect(granted).toMatchObject({ participantId: registered.participantId, version: 1, position: 4n });
    expect(granted.participant.roles).toEqual([{ role: 'YOUTH', scope: 'stakeholder-panel' }]);
    const [registration] = await store.readStream(participantStream(registered.participantId));
    expect(registration!.metadata).toMatchObject({ actor: 'admin', correlationId: ctx.correlationId, commandType: 'RegisterParticipant' });
  });

  it('refuses a non-admin with FORBIDDEN and records nothing', async () => {
    await withAdmin();
    await register.execute(new RegisterParticipantCommand({ subject: 'coordinator', displayName: 'C', kind: 'ADULT' }, as('admin')));
    await grant.execute(new GrantRoleCommand({ subject: 'coordinator', role: 'COORDINATOR', scope: 'plan-1' }, as('admin')));
    await settle();
    const before = await eventCount();
    const attempts = [
      register.execute(new RegisterParticipantCommand({ subject: 'x', displayName: 'X', kind: 'ADULT' }, as('coordinator'))),
      grant.execute(new GrantRoleCommand({ subject: 'coordinator', role: 'ADMIN', scope: null }, as('coordinator'))),
      revoke.execute(new RevokeRoleCommand({ subject: 'admin', role: 'ADMIN', scope: null, reason: null }, as('stranger'))),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(await eventCount()).toBe(before);
  });

  it('answers NOT_FOUND for a grant or revocation on an unregistered subject', async () => {
    await withAdmin();
    await expect(grant.execute(new GrantRoleCommand({ subject: 'ghost', role: 'MONITOR', scope: 'plan-1' }, as('admin')))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      revoke.execute(new RevokeRoleCommand({ subject: 'ghost', role: 'MONITOR', scope: 'plan-1', reason: null }, as('admin'))),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('passes the domain rules through as RULE_VIOLATION', async () => {
    await withAdmin();
    const again = register.execute(new RegisterParticipantCommand({ subject: 'admin', displayName: 'Again', kind: 'ADULT' }, as('admin')));
    await expect(again).rejects.toMatchObject({ code: 'RULE_VIOLATION', rule: 'participant.already_registered' });
  });

  it('answers a retried grant (same commandId) with the first result and records it once', async () => {
    await withAdmin();
    await register.execute(new RegisterParticipantCommand({ subject: 'monitor', displayName: 'M', kind: 'ADULT' }, as('admin')));
    const commandId = randomUUID();
    const command = () => new GrantRoleCommand({ subject: 'monitor', role: 'MONITOR', scope: 'plan-1' }, as('admin', { commandId }));
    const first = await grant.execute(command());
    const retried = await grant.execute(command());
    expect(retried).toEqual(first);
    expect(await eventCount()).toBe(4);
  });

  it('never revokes the last admin, but revokes an admin when another remains', async () => {
    await withAdmin();
    const lastAdmin = revoke.execute(new RevokeRoleCommand({ subject: 'admin', role: 'ADMIN', scope: null, reason: null }, as('admin')));
    await expect(lastAdmin).rejects.toBeInstanceOf(RuleViolation);
    await expect(lastAdmin).rejects.toMatchObject({ rule: 'participant.last_admin' });

    await register.execute(new RegisterParticipantCommand({ subject: 'second', displayName: 'Second', kind: 'ADULT' }, as('admin')));
    await grant.execute(new GrantRoleCommand({ subject: 'second', role: 'ADMIN', scope: null }, as('admin')));
    await settle();
    const revoked = await revoke.execute(new RevokeRoleCommand({ subject: 'admin', role: 'ADMIN', scope: null, reason: 'handed over' }, as('second')));
    expect(revoked.participant.roles).toEqual([]);
    await settle();
    expect(grants.rolesOf('admin')).toEqual([]);
    expect(grants.adminCount()).toBe(1);
  });

  it('answers the viewer and a participant from the read model', async () => {
    await withAdmin('admin@secretariat.example');
    const viewer = new GetViewerHandler(participants);
    expect(await viewer.execute(new GetViewerQuery('admin@secretariat.example'))).toEqual({
      subject: 'admin@secretariat.example',
      participantId: participantIdOf('admin@secretariat.example'),
      displayName: 'admin@secretariat.example',
      roles: [{ role: 'ADMIN', scope: null }],
    });
    expect(await viewer.execute(new GetViewerQuery('unknown'))).toEqual({ subject: 'unknown', participantId: null, displayName: null, roles: [] });
    const participant = new GetParticipantHandler(participants);
    expect(await participant.execute(new GetParticipantQuery(participantIdOf('admin@secretariat.example')))).toMatchObject({
      subject: 'admin@secretariat.example',
      version: 1,
    });
    expect(await participant.execute(new GetParticipantQuery(randomUUID()))).toBeUndefined();
  });
});
