import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '#eventstore';
import { ProjectionRunner, ReadModelStore } from '#projections';
import {
  bootstrapAdmin,
  type CommandContext,
  ForbiddenError,
  GrantRoleHandler,
  GrantRoleCommand,
  NotFoundError,
  participantsProjection,
  RegisterParticipantCommand,
  RegisterParticipantHandler,
  RevokeRoleCommand,
  RevokeRoleHandler,
  RuleViolation,
  SqliteGrantsReader,
  SqliteParticipantsReader,
} from '#application';

const now = new Date('2026-11-23T10:00:00.000Z');
const as = (actor: string): CommandContext => ({ actor, correlationId: randomUUID(), now });

describe('participants, through the handlers and the read model', () => {
  let store: MemoryEventStore;
  let readModels: ReadModelStore;
  let runner: ProjectionRunner;
  let grants: SqliteGrantsReader;
  let participants: SqliteParticipantsReader;
  const settle = async () => expect(await runner.waitFor((await store.headPosition()) ?? 0n, 2000)).toBe(true);

  beforeEach(async () => {
    store = new MemoryEventStore();
    readModels = ReadModelStore.open({ path: ':memory:' });
    runner = new ProjectionRunner({ store, readModels, projections: [participantsProjection] });
    grants = new SqliteGrantsReader(readModels.db);
    participants = new SqliteParticipantsReader(readModels.db);
    await runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    readModels.close();
  });

  it('bootstraps the first admin once, as the system', async () => {
    expect(grants.adminCount()).toBe(0);
    const first = await bootstrapAdmin(store, grants, 'admin@secretariat.example', now);
    expect(first?.participant.roles).toEqual([{ role: 'ADMIN', scope: null }]);
    await settle();
    expect(grants.rolesOf('admin@secretariat.example')).toEqual([{ role: 'ADMIN', scope: null }]);
    expect(await bootstrapAdmin(store, grants, 'someone-else', now)).toBeUndefined();
    const events = await store.readAll();
    expect(events.map((e) => e.type)).toEqual(['ParticipantRegistered', 'RoleGranted']);
    expect(events.every((e) => e.metadata.actor === 'system')).toBe(true);
  });

  it('lets an admin register and grant, and projects participants and grants', async () => {
    await bootstrapAdmin(store, grants, 'admin', now);
    await settle();
    const register = new RegisterParticipantHandler(store, grants);
    const grant = new GrantRoleHandler(store, grants);
    const registered = await register.execute(
      new RegisterParticipantCommand({ subject: 'youth@panel.example', displayName: 'River', kind: 'YOUTH' }, as('admin')),
    );
    await grant.execute(new GrantRoleCommand({ subject: 'youth@panel.example', role: 'YOUTH', scope: 'stakeholder-panel' }, as('admin')));
    await settle();
    expect(participants.bySubject('youth@panel.example')).toEqual({
      id: registered.participant.id,
      subject: 'youth@panel.example',
      displayName: 'River',
      kind: 'YOUTH',
      version: 1,
      roles: [{ role: 'YOUTH', scope: 'stakeholder-panel' }],
    });
    expect(participants.byId(registered.participant.id)?.subject).toBe('youth@panel.example');
  });

  it('refuses a non-admin with FORBIDDEN and records nothing', async () => {
    await bootstrapAdmin(store, grants, 'admin', now);
    await settle();
    const before = (await store.readAll()).length;
    const register = new RegisterParticipantHandler(store, grants);
    await expect(
      register.execute(new RegisterParticipantCommand({ subject: 'x', displayName: 'X', kind: 'ADULT' }, as('not-an-admin'))),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await store.readAll()).toHaveLength(before);
  });

  it('answers NOT_FOUND for a role on an unregistered subject', async () => {
    await bootstrapAdmin(store, grants, 'admin', now);
    await settle();
    await expect(
      new GrantRoleHandler(store, grants).execute(new GrantRoleCommand({ subject: 'ghost', role: 'MONITOR', scope: 'plan-1' }, as('admin'))),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never revokes the last admin, and projects a revocation', async () => {
    await bootstrapAdmin(store, grants, 'admin', now);
    await settle();
    const revoke = new RevokeRoleHandler(store, grants);
    const lastAdmin = revoke.execute(new RevokeRoleCommand({ subject: 'admin', role: 'ADMIN', scope: null, reason: null }, as('admin')));
    await expect(lastAdmin).rejects.toBeInstanceOf(RuleViolation);
    await expect(lastAdmin).rejects.toMatchObject({ rule: 'participant.last_admin' });

    const register = new RegisterParticipantHandler(store, grants);
    const grant = new GrantRoleHandler(store, grants);
    await register.execute(new RegisterParticipantCommand({ subject: 'second', displayName: 'Second', kind: 'ADULT' }, as('admin')));
    await grant.execute(new GrantRoleCommand({ subject: 'second', role: 'ADMIN', scope: null }, as('admin')));
    await settle();
    await revoke.execute(new RevokeRoleCommand({ subject: 'admin', role: 'ADMIN', scope: null, reason: 'handed over' }, as('second')));
    await settle();
    expect(grants.rolesOf('admin')).toEqual([]);
    expect(grants.adminCount()).toBe(1);
  });
});
