import type { AgeBand, ParticipantEvent, ParticipantKind, Role } from '#domain';
import { defineTable, integer, type Projection, type RowChange, text } from '#projections';
import { remove, upsert } from '../../read-model/rows.js';

export const participantsTable = defineTable({
  name: 'participants',
  columns: {
    participant_id: text(),
    display_name: text(),
    kind: text<ParticipantKind>(),
    age_band: text.orNull<AgeBand>(),
    version: integer(),
    registered_at: text(),
    updated_at: text(),
  },
  primaryKey: ['participant_id'],
});

/** Role grants; `scope` is '' for ADMIN. */
export const roleGrantsTable = defineTable({
  name: 'role_grants',
  columns: { participant_id: text(), role: text<Role>(), scope: text(), granted_at: text() },
  primaryKey: ['participant_id', 'role', 'scope'],
  indexes: [['role']],
});

/**
 * Participants and their role grants, the rows authorisation and `viewer` read, by participant id: no subject, name or
 * e-mail (personal data stays sealed in the log). `scope` is '' for ADMIN.
 */
export const participantsProjection: Projection = {
  name: 'participants',
  version: 3,
  eventTypes: ['ParticipantRegistered', 'RoleGranted', 'RoleRevoked'],
  tables: [participantsTable, roleGrantsTable],
  project(recorded): RowChange[] {
    const event = recorded as unknown as ParticipantEvent;
    const at = recorded.metadata.occurredAt;
    const touched = (participantId: string): RowChange =>
      upsert(participantsTable, { participant_id: participantId, version: Number(recorded.revision), updated_at: at });
    switch (event.type) {
      case 'ParticipantRegistered': {
        const { participantId, displayName, kind, ageBand } = event.data;
        return [
          upsert(participantsTable, {
            participant_id: participantId,
            display_name: displayName,
            kind,
            // Youth registered without an age band are treated as under 18: pre-moderated, the safe reading.
            age_band: ageBand ?? (kind === 'YOUTH' ? 'UNDER_18' : 'ADULT'),
            version: Number(recorded.revision),
            registered_at: at,
            updated_at: at,
          }),
        ];
      }
      case 'RoleGranted': {
        const { participantId, role, scope } = event.data;
        return [
          upsert(roleGrantsTable, { participant_id: participantId, role, scope: scope ?? '', granted_at: at }),
          touched(participantId),
        ];
      }
      case 'RoleRevoked': {
        const { participantId, role, scope } = event.data;
        return [remove(roleGrantsTable, { participant_id: participantId, role, scope: scope ?? '' }), touched(participantId)];
      }
      default:
        return [];
    }
  },
};
