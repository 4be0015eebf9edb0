import type { ParticipantEvent } from '#domain';
import type { Projection, RowChange } from '#projections';

/**
 * Participants and their role grants, the rows authorisation and `viewer` read, by participant id: no subject, name or
 * e-mail (personal data stays sealed in the log). `scope` is '' for ADMIN.
 */
export const participantsProjection: Projection = {
  name: 'participants',
  version: 3,
  eventTypes: ['ParticipantRegistered', 'RoleGranted', 'RoleRevoked'],
  tables: [
    {
      name: 'participants',
      columns: {
        participant_id: 'TEXT',
        display_name: 'TEXT',
        kind: 'TEXT',
        age_band: 'TEXT',
        version: 'INTEGER',
        registered_at: 'TEXT',
        updated_at: 'TEXT',
      },
      primaryKey: ['participant_id'],
    },
    {
      name: 'role_grants',
      columns: { participant_id: 'TEXT', role: 'TEXT', scope: 'TEXT', granted_at: 'TEXT' },
      primaryKey: ['participant_id', 'role', 'scope'],
      indexes: [['role']],
    },
  ],
  project(recorded): RowChange[] {
    const event = recorded as unknown as ParticipantEvent;
    const at = recorded.metadata.occurredAt;
    const touched = (participantId: string): RowChange => ({
      kind: 'upsert',
      table: 'participants',
      row: { participant_id: participantId, version: Number(recorded.revision), updated_at: at },
    });
    switch (event.type) {
      case 'ParticipantRegistered': {
        const { participantId, displayName, kind, ageBand } = event.data;
        return [
          {
            kind: 'upsert',
            table: 'participants',
            row: {
              participant_id: participantId,
              display_name: displayName,
              kind,
              // Youth registered without an age band are treated as under 18: pre-moderated, the safe reading.
              age_band: ageBand ?? (kind === 'YOUTH' ? 'UNDER_18' : 'ADULT'),
              version: Number(recorded.revision),
              registered_at: at,
              updated_at: at,
            },
          },
        ];
      }
      case 'RoleGranted': {
        const { participantId, role, scope } = event.data;
        return [
          { kind: 'upsert', table: 'role_grants', row: { participant_id: participantId, role, scope: scope ?? '', granted_at: at } },
          touched(participantId),
        ];
      }
      case 'RoleRevoked': {
        const { participantId, role, scope } = event.data;
        return [{ kind: 'delete', table: 'role_grants', key: { participant_id: participantId, role, scope: scope ?? '' } }, touched(participantId)];
      }
      default:
        return [];
    }
  },
};
