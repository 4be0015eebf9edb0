import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { fold, participantDecider, participantStream } from '#domain';
import { type EventStore, MemoryEventStore, SqliteEventStore } from '#eventstore';
import {
  bindingDigest,
  type CommandContext,
  commandBinding,
  commandIdUse,
  ConflictError,
  ensureRoleDecider,
  eventIdFor,
  executeCommand,
  keepCommandLedger,
} from '#application';
import { loadStream, streamCacheLimits } from '../src/kernel/stream-state-cache.js';

const now = new Date('2026-11-23T10:00:00.000Z');
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({ actor: 'admin', correlationId: randomUUID(), now, ...extra });
const participantId = randomUUID();
const stream = participantStream(participantId);
/** Sealed personal data as the kernel sees it: opaque. */
const personalData = { ciphertext: 'c2VhbGVk', iv: 'aXY=', tag: 'dGFn' };
const register = { type: 'RegisterParticipant' as const, participantId, personalData, displayName: 'Focal point', kind: 'ADULT' as const };
const grant = (scope: string) => ({ type: 'GrantRole' as const, role: 'MONITOR' as const, scope });
const run = (store: EventStore, command: typeof register | ReturnType<typeof grant>, ctx: CommandContext = context()) =>
  executeCommand({ store, stream, decider: participantDecider, command, context: ctx });

/** The memory store, but another writer appends to the stream right before each of our appends. */
function contendedStore(store: MemoryEventStore): { store: EventStore; appends: () => number } {
  let appends = 0;
  const contended = Object.create(store) as MemoryEventStore;
  contended.append = async (target, events, expected) => {
    appends += 1;
    await store.append(target, [
      {
        id: randomUUID(),
        type: 'SomethingElseHappened',
        data: {},
        metadata: { correlationId: 'x', occurredAt: now.toISOString(), schemaVersion: 1 },
      },
    ]);
    return store.append(target, events, expected);
  };
  return { store: contended, appends: () => appends };
}

describe('executeCommand', () => {
  it('appends the decided events with metadata naming actor, correlation, causation and command', async () => {
    const store = new MemoryEventStore();
    const ctx = context({ commandId: randomUUID() });
    const outcome = await run(store, register, ctx);
    expect(outcome).toMatchObject({ version: 0, position: 1n, state: { status: 'registered', participantId } });
    const [event] = await store.readStream(stream);
    expect(outcome.events).toEqual([event]);
    expect(event!.metadata).toEqual({
      actor: 'admin',
      correlationId: ctx.correlationId,
      causationId: ctx.commandId,
      occurredAt: now.toISOString(),
      schemaVersion: 1,
      commandType: 'RegisterParticipant',
      commandId: ctx.commandId,
      commandBinding: bindingDigest(commandBinding(ctx, 'RegisterParticipant', stream)),
    });
  });

  it('binds a commandId to its sender, operation and target: the same id from another sender is another command, never a retry', async () => {
    const store = new MemoryEventStore();
    await run(store, register);
    const commandId = randomUUID();
    const first = await run(store, grant('plan-1'), context({ commandId }));
    const again = await run(store, grant('plan-1'), context({ commandId }));
    expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    const other = await run(store, grant('plan-2'), context({ commandId, actor: 'someone-else' }));
    expect(other.events.map((event) => event.id)).not.toEqual(first.events.map((event) => event.id));
    expect(other.version).toBe(first.version + 1);
  });

  it('refuses a commandId the ledger knows for another command, answers a retry, and leaves operators alone', async () => {
    const store = new MemoryEventStore();
    await run(store, register);
    const commandId = randomUUID();
    const ctx = context({ commandId });
    const recorded = new Map<string, string>();
    keepCommandLedger(store, { bindingOf: (id) => recorded.get(id) });
    const first = await run(store, grant('plan-1'), ctx);
    recorded.set(commandId, String(first.events[0]!.metadata['commandBinding']));
    expect(commandIdUse(store, ctx, 'GrantRole', stream)).toBe('retry');
    expect((await run(store, grant('plan-1'), ctx)).events).toEqual(first.events);
    await expect(run(store, grant('plan-2'), context({ commandId, actor: 'someone-else' }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(() => commandIdUse(store, ctx, 'GrantRole', 'participant-other')).toThrow(/another command/);
    expect(commandIdUse(store, { ...ctx, actor: 'cli:root', asOperator: true }, 'GrantRole', 'participant-other')).toBe('new');
  });

  it('derives event ids from the commandId and what it is bound to (UUID v5), and uses random v4 ids without one', async () => {
    const store = new MemoryEventStore();
    const commandId = randomUUID();
    const ensured = await executeCommand({
      store,
      stream,
      decider: ensureRoleDecider,
      command: { type: 'EnsureRole', participantId, personalData, displayName: 'Focal point', kind: 'ADULT', role: 'ADMIN', scope: null },
      context: context({ commandId }),
    });
    const binding = commandBinding(context({ commandId }), 'EnsureRole', stream);
    expect(ensured.events.map((event) => event.id)).toEqual([eventIdFor(commandId, binding, 0), eventIdFor(commandId, binding, 1)]);
    expect(ensured.events.map((event) => uuidVersion(event.id))).toEqual([5, 5]);
    const ctx = context();
    const granted = await run(store, grant('plan-1'), ctx);
    expect(isUuid(granted.events[0]!.id) && uuidVersion(granted.events[0]!.id)).toBe(4);
    expect(granted.events[0]!.metadata.causationId).toBe(ctx.correlationId);
  });

  it('returns every event of a multi-event decision as recorded, with the version and position of the last', async () => {
    const store = new MemoryEventStore();
    await store.append('plan-elsewhere', [
      {
        id: randomUUID(),
        type: 'PlanDrafted',
        data: {},
        metadata: { correlationId: 'x', occurredAt: now.toISOString(), schemaVersion: 1 },
      },
    ]);
    const outcome = await executeCommand({
      store,
      stream,
      decider: ensureRoleDecider,
      command: {
        type: 'BootstrapAdmin',
        participantId,
        personalData,
        displayName: 'Focal point',
        kind: 'ADULT',
        role: 'ADMIN',
        scope: null,
      },
      context: context(),
    });
    expect(outcome.events.map((e) => [e.type, e.revision, e.position])).toEqual([
      ['ParticipantRegistered', 0n, 2n],
      ['RoleGranted', 1n, 3n],
    ]);
    expect(outcome).toMatchObject({ version: 1, position: 3n, state: { grants: [{ role: 'ADMIN', scope: null }] } });
  });

  it('answers a retried command (same commandId) with the first result and appends nothing', async () => {
    const store = new MemoryEventStore();
    const commandId = randomUUID();
    await run(store, register);
    const first = await run(store, grant('plan-1'), context({ commandId }));
    await run(store, grant('plan-2'));
    const again = await run(store, grant('plan-1'), context({ commandId, expectedVersion: 0 }));
    expect(again.events).toEqual(first.events);
    expect(again).toMatchObject({ version: 1, position: first.position });
    expect(again.state).toEqual(first.state);
    expect(await store.readAll()).toHaveLength(3);
  });

  it('records a command sent twice at once (same commandId) only once, and answers both with that result', async () => {
    const store = new MemoryEventStore();
    await run(store, register);
    const commandId = randomUUID();
    const [one, two] = await Promise.all([
      run(store, grant('plan-1'), context({ commandId })),
      run(store, grant('plan-1'), context({ commandId })),
    ]);
    expect(two.events).toEqual(one.events);
    expect(two.version).toBe(one.version);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('refuses a stale expectedVersion with CONFLICT and appends nothing', async () => {
    const store = new MemoryEventStore();
    await run(store, register);
    await run(store, grant('plan-1'), context({ expectedVersion: 0 }));
    const stale = run(store, grant('plan-2'), context({ expectedVersion: 0 }));
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', stream, expected: 0, actual: 1 });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('answers CONFLICT, without retrying, when a pinned version loses a race', async () => {
    const memory = new MemoryEventStore();
    await run(memory, register);
    const { store, appends } = contendedStore(memory);
    await expect(run(store, grant('plan-1'), context({ expectedVersion: 0 }))).rejects.toMatchObject({
      code: 'CONFLICT',
      expected: 0,
      actual: 1,
    });
    expect(appends()).toBe(1);
  });

  it('re-reads and re-decides when a concurrent command got there first, so all of them land', async () => {
    const store = new MemoryEventStore();
    await run(store, register);
    const results = await Promise.all(['plan-1', 'plan-2', 'plan-3', 'plan-4'].map((scope) => run(store, grant(scope))));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
    const last = results.find((r) => r.version === 4)!;
    expect(last.state.status === 'registered' && last.state.grants.map((g) => g.scope).sort()).toEqual([
      'plan-1',
      'plan-2',
      'plan-3',
      'plan-4',
    ]);
  });

  it('decides again on the new state after a clash (a now-refused command is a rule violation, not a duplicate)', async () => {
    const store = new MemoryEventStore();
    await run(store, register);
    const [first, second] = await Promise.allSettled([run(store, grant('plan-1')), run(store, grant('plan-1'))]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { rule: 'participant.role_already_granted' } });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('gives up with CONFLICT after five retries when the stream keeps changing', async () => {
    const memory = new MemoryEventStore();
    await run(memory, register);
    const { store, appends } = contendedStore(memory);
    await expect(run(store, grant('plan-9'))).rejects.toBeInstanceOf(ConflictError);
    expect(appends()).toBe(6);
    const fewer = contendedStore(memory);
    await expect(
      executeCommand({
        store: fewer.store,
        stream,
        decider: participantDecider,
        command: grant('plan-9'),
        context: context(),
        maxRetries: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(fewer.appends()).toBe(2);
  });

  it('appends nothing for a decision without events and answers the current version and position', async () => {
    const store = new MemoryEventStore();
    const ensure = {
      type: 'EnsureRole' as const,
      participantId,
      personalData,
      displayName: 'Focal point',
      kind: 'ADULT' as const,
      role: 'ADMIN' as const,
      scope: null,
    };
    const first = await executeCommand({ store, stream, decider: ensureRoleDecider, command: ensure, context: context() });
    const again = await executeCommand({ store, stream, decider: ensureRoleDecider, command: ensure, context: context() });
    expect(again).toMatchObject({ events: [], version: first.version, position: first.position });
    expect(await store.readAll()).toHaveLength(2);
  });

  it('behaves the same on the SQLite store: recorded events, idempotent retry, retried clashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kernel-'));
    const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    try {
      const ensure = {
        type: 'EnsureRole' as const,
        participantId,
        personalData,
        displayName: 'Focal point',
        kind: 'ADULT' as const,
        role: 'ADMIN' as const,
        scope: null,
      };
      const commandId = randomUUID();
      const first = await executeCommand({ store, stream, decider: ensureRoleDecider, command: ensure, context: context({ commandId }) });
      expect(first.events.map((e) => [e.type, e.revision])).toEqual([
        ['ParticipantRegistered', 0n],
        ['RoleGranted', 1n],
      ]);
      await Promise.all(['plan-1', 'plan-2', 'plan-3'].map((scope) => run(store, grant(scope))));
      const again = await executeCommand({ store, stream, decider: ensureRoleDecider, command: ensure, context: context({ commandId }) });
      expect(again).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(5);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('with the state of a stream remembered between commands', () => {
    it('folds what other writers appended meanwhile, and answers a later retry with its first result', async () => {
      const store = new MemoryEventStore();
      const first = context({ commandId: randomUUID() });
      await run(store, register, first);
      await run(store, grant('plan-1'));
      // Another process grants a role straight into the log.
      await store.append(stream, [
        {
          id: randomUUID(),
          type: 'RoleGranted',
          data: { participantId, role: 'MONITOR', scope: 'plan-2' },
          metadata: { correlationId: 'x', occurredAt: now.toISOString(), schemaVersion: 1 },
        },
      ]);
      const third = await run(store, grant('plan-3'));
      expect(third.version).toBe(3);
      expect(third.state).toEqual(fold(participantDecider, await store.readStream(stream)));
      expect(JSON.stringify(third.state)).toContain('plan-2');
      // A retry of the first command, three commands later: the first outcome, nothing new.
      const retried = await run(store, register, first);
      expect(retried.version).toBe(0);
      expect(await store.readStream(stream)).toHaveLength(4);
    });

    it('keeps a bounded number of events in remembered states: the least recently used streams are read in full again', async () => {
      const saved = { ...streamCacheLimits };
      streamCacheLimits.events = 5;
      try {
        const memory = new MemoryEventStore();
        const fullReads: string[] = [];
        const store = Object.create(memory) as MemoryEventStore;
        store.readStream = (target, options) => {
          if (options?.fromRevision === undefined) fullReads.push(target);
          return memory.readStream(target, options);
        };
        const counting = { initialState: 0, evolve: (n: number) => n + 1 };
        const happened = () => ({
          id: randomUUID(),
          type: 'Happened',
          data: {},
          metadata: { correlationId: 'x', occurredAt: now.toISOString(), schemaVersion: 1 },
        });
        for (const target of ['a', 'b', 'c']) await memory.append(target, [happened(), happened()]);
        const load = async (target: string) => (await loadStream(store, target, counting)).state;

        expect([await load('a'), await load('b')]).toEqual([2, 2]);
        expect(await load('c')).toBe(2); // 6 events: 'a', the least recently used, goes
        expect(await load('b')).toBe(2); // still remembered: only its (empty) tail is read
        expect(fullReads).toEqual(['a', 'b', 'c']);
        expect(await load('a')).toBe(2); // read in full again; 'c' goes
        expect(await load('c')).toBe(2);
        expect(fullReads).toEqual(['a', 'b', 'c', 'a', 'c']);
      } finally {
        Object.assign(streamCacheLimits, saved);
      }
    });

    it('refuses a stale expectedVersion even when the remembered state is current', async () => {
      const store = new MemoryEventStore();
      await run(store, register);
      await run(store, grant('plan-1'));
      await expect(run(store, grant('plan-2'), context({ expectedVersion: 0 }))).rejects.toBeInstanceOf(ConflictError);
    });
  });
});
