import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ParticipantEvent } from '#domain';
import type { RecordedEvent } from '#eventstore';
import { participantsProjection, SqliteGrantsReader, SqliteParticipantsReader } from '#application';
import { InMemoryReadModel } from './in-memory-read-model.js';
import { SqliteReadModel } from './sqlite-read-model.js';

const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
let position = 0n;
const recorded = (participantId: string, revision: number, event: ParticipantEvent): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(++position).padStart(12, '0')}`,
  stream: `participant-${participantId}`,
  revision: BigInt(revision),
  position,
  type: event.type,
  data: event.data,
  metadata: { correlationId: 'c', actor: 'admin', occurredAt: at(revision), schemaVersion: 1 },
});

const registered = (participantId: string, subject: string, kind: 'ADULT' | 'YOUTH' = 'ADULT') =>
  recorded(participantId, 0, {
    type: 'ParticipantRegistered',
    data: { participantId, subject, displayName: `Name of ${participantId}`, kind },
  });
const granted = (participantId: string, revision: number, role: 'ADMIN' | 'MONITOR' | 'YOUTH', scope: string | null) =>
  recorded(participantId, revision, { type: 'RoleGranted', data: { participantId, role, scope } });
const revoked = (participantId: string, revision: number, role: 'ADMIN' | 'MONITOR', scope: string | null) =>
  recorded(participantId, revision, { type: 'RoleRevoked', data: { participantId, role, scope, reason: 'moved on' } });

describe('the participants projection', () => {
  it('handles exactly the participant events', () => {
    expect([...participantsProjection.eventTypes].sort()).toEqual(['ParticipantRegistered', 'RoleGranted', 'RoleRevoked']);
  });

  it('turns a registration into a participant row, leaving the legacy subject out', () => {
    const model = new InMemoryReadModel(participantsProjection);
    expect(model.project([registered('p1', 'focal@justice.example')])).toEqual([
      {
        kind: 'upsert',
        table: 'participants',
        row: {
          participant_id: 'p1',
          display_name: 'Name of p1',
          kind: 'ADULT',
          age_band: 'ADULT',
          version: 0,
          registered_at: at(0),
          updated_at: at(0),
        },
      },
    ]);
  });

  it('turns grants into grant rows (ADMIN with an empty scope) and bumps the participant version', () => {
    const model = new InMemoryReadModel(participantsProjection);
    model.project([registered('p1', 'admin'), granted('p1', 1, 'ADMIN', null), granted('p1', 2, 'MONITOR', 'plan-1')]);
    expect(model.all('role_grants')).toEqual([
      { participant_id: 'p1', role: 'ADMIN', scope: '', granted_at: at(1) },
      { participant_id: 'p1', role: 'MONITOR', scope: 'plan-1', granted_at: at(2) },
    ]);
    expect(model.get('participants', { participant_id: 'p1' })).toMatchObject({ version: 2, registered_at: at(0), updated_at: at(2) });
  });

  it('turns a revocation into the removal of that grant only', () => {
    const model = new InMemoryReadModel(participantsProjection);
    model.project([
      registered('p1', 'm'),
      granted('p1', 1, 'MONITOR', 'plan-1'),
      granted('p1', 2, 'MONITOR', 'plan-2'),
      revoked('p1', 3, 'MONITOR', 'plan-1'),
    ]);
    expect(model.all('role_grants')).toEqual([{ participant_id: 'p1', role: 'MONITOR', scope: 'plan-2', granted_at: at(2) }]);
    expect(model.get('participants', { participant_id: 'p1' })).toMatchObject({ version: 3, updated_at: at(3) });
  });

  it('ignores events of other types', () => {
    const model = new InMemoryReadModel(participantsProjection);
    const other = { ...registered('p1', 's'), type: 'PlanDrafted', data: {} };
    expect(participantsProjection.project(other, model)).toEqual([]);
  });
});

describe('the participants readers, on SQLite', () => {
  let readModel: SqliteReadModel;
  let grants: SqliteGrantsReader;
  let participants: SqliteParticipantsReader;
  const load = async (...events: RecordedEvent[]) => readModel.catchUp({ readAll: async () => events } as never);

  beforeEach(() => {
    readModel = new SqliteReadModel(participantsProjection);
    grants = new SqliteGrantsReader(readModel.db);
    participants = new SqliteParticipantsReader(readModel.db);
  });
  afterEach(() => readModel.close());

  it('answers nothing from empty tables', () => {
    expect(grants.rolesOf('nobody')).toEqual([]);
    expect(grants.adminCount()).toBe(0);
    expect(participants.byId('p-none')).toBeUndefined();
  });

  it('answers roles by participant id, admins, and participants by id — never with a subject', async () => {
    await load(
      registered('p1', 'admin@secretariat.example'),
      granted('p1', 1, 'ADMIN', null),
      registered('p2', 'youth@panel.example', 'YOUTH'),
      granted('p2', 1, 'YOUTH', 'stakeholder-panel'),
      registered('p3', 'monitor@ngo.example'),
      granted('p3', 1, 'ADMIN', null),
      granted('p3', 2, 'MONITOR', 'plan-1'),
      revoked('p3', 3, 'ADMIN', null),
    );
    expect(grants.rolesOf('p1')).toEqual([{ role: 'ADMIN', scope: null }]);
    expect(grants.rolesOf('p3')).toEqual([{ role: 'MONITOR', scope: 'plan-1' }]);
    expect(grants.adminCount()).toBe(1);
    const youth = {
      id: 'p2',
      displayName: 'Name of p2',
      kind: 'YOUTH',
      // Registered without an age band: read as under 18, the safe default.
      ageBand: 'UNDER_18',
      version: 1,
      roles: [{ role: 'YOUTH', scope: 'stakeholder-panel' }],
    };
    expect(participants.byId('p2')).toEqual(youth);
    expect(JSON.stringify(readModel.db.prepare('SELECT * FROM participants').all())).not.toContain('@');
  });

  it('answers nothing, rather than failing, before the projection has created its tables', () => {
    const empty = new SqliteReadModel({ ...participantsProjection, tables: [] });
    try {
      expect(new SqliteGrantsReader(empty.db).adminCount()).toBe(0);
      expect(new SqliteParticipantsReader(empty.db).byId('x')).toBeUndefined();
    } finally {
      empty.close();
    }
  });
});
