import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { participantDecider, participantStream } from '#domain';
import { MemoryEventStore } from '#eventstore';
import { type CommandContext, ConflictError, executeCommand, participantIdOf } from '#application';

const now = new Date('2026-11-23T10:00:00.000Z');
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({ actor: 'admin', correlationId: randomUUID(), now, ...extra });
const subject = 'focal@justice.example';
const participantId = participantIdOf(subject);
const stream = participantStream(participantId);
const register = { type: 'RegisterParticipant' as const, participantId, subject, displayName: 'Focal point', kind: 'ADULT' as const };
const grant = (scope: string) => ({ type: 'GrantRole' as const, role: 'MONITOR' as const, scope });

describe('executeCommand', () => {
  it('appends the decided events with metadata naming actor, correlation, causation and command', async () => {
    const store = new MemoryEventStore();
    const ctx = context({ commandId: randomUUID() });
    const outcome = await executeCommand({ store, stream, decider: participantDecider, command: register, context: ctx });
    expect(outcome).toMatchObject({ version: 0, position: 1n, state: { status: 'registered', subject } });
    const [event] = await store.readStream(stream);
    expect(event!.metadata).toEqual({
      actor: 'admin',
      correlationId: ctx.correlationId,
      causationId: ctx.commandId,
      occurredAt: now.toISOString(),
      schemaVersion: 1,
      commandType: 'RegisterParticipant',
    });
  });

  it('answers a retried command (same commandId) with the first result and appends nothing', async () => {
    const store = new MemoryEventStore();
    const commandId = randomUUID();
    const first = await executeCommand({ store, stream, decider: participantDecider, command: register, context: context({ commandId }) });
    const again = await executeCommand({ store, stream, decider: participantDecider, command: register, context: context({ commandId }) });
    expect(again.version).toBe(first.version);
    expect(again.position).toBe(first.position);
    expect(await store.readAll()).toHaveLength(1);
  });

  it('refuses a stale expectedVersion with CONFLICT and appends nothing', async () => {
    const store = new MemoryEventStore();
    await executeCommand({ store, stream, decider: participantDecider, command: register, context: context() });
    await executeCommand({ store, stream, decider: participantDecider, command: grant('plan-1'), context: context({ expectedVersion: 0 }) });
    const stale = executeCommand({ store, stream, decider: participantDecider, command: grant('plan-2'), context: context({ expectedVersion: 0 }) });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', expected: 0, actual: 1 });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('re-reads and re-decides when a concurrent command got there first, so both land', async () => {
    const store = new MemoryEventStore();
    await executeCommand({ store, stream, decider: participantDecider, command: register, context: context() });
    const results = await Promise.all(
      ['plan-1', 'plan-2', 'plan-3', 'plan-4'].map((scope) =>
        executeCommand({ store, stream, decider: participantDecider, command: grant(scope), context: context() }),
      ),
    );
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
    const last = results.find((r) => r.version === 4)!;
    expect(last.state.status === 'registered' && last.state.grants.map((g) => g.scope).sort()).toEqual(['plan-1', 'plan-2', 'plan-3', 'plan-4']);
  });

  it('gives up with CONFLICT when the stream keeps changing', async () => {
    const store = new MemoryEventStore();
    await executeCommand({ store, stream, decider: participantDecider, command: register, context: context() });
    const busy = {
      ...store,
      kind: 'memory',
      readStream: store.readStream.bind(store),
      append: async (...args: Parameters<MemoryEventStore['append']>) => {
        await store.append(stream, [{ id: randomUUID(), type: 'Noise', data: {}, metadata: { correlationId: 'x', occurredAt: now.toISOString(), schemaVersion: 1 } }]);
        return store.append(...args);
      },
    } as unknown as MemoryEventStore;
    await expect(
      executeCommand({ store: busy, stream, decider: participantDecider, command: grant('plan-9'), context: context(), maxAttempts: 3 }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
