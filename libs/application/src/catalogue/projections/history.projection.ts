import { COMMITMENT_EVENT_TYPES, PLAN_EVENT_TYPES, STAKEHOLDER_EVENT_TYPES, TRACKING_EVENT_TYPES } from '#domain';
import type { Projection, RowChange } from '#projections';
import { describeEvent } from './describe-event.js';

/**
 * The audit trail of plans, stakeholders and commitments: one entry per event, with who (the actor's subject; the
 * reader turns it into a display name), what changed and why. Participants' own events stay out: they carry
 * personal data.
 */
export const historyProjection: Projection = {
  name: 'history',
  version: 2,
  eventTypes: [...PLAN_EVENT_TYPES, ...STAKEHOLDER_EVENT_TYPES, ...COMMITMENT_EVENT_TYPES, ...TRACKING_EVENT_TYPES],
  tables: [
    {
      name: 'history_entries',
      columns: {
        position: 'INTEGER',
        entity_id: 'TEXT',
        stream: 'TEXT',
        type: 'TEXT',
        occurred_at: 'TEXT',
        actor: 'TEXT',
        changes: 'TEXT',
        reason: 'TEXT',
      },
      primaryKey: ['position'],
      indexes: [['entity_id', 'position']],
    },
  ],
  project(recorded): RowChange[] {
    const { changes, reason } = describeEvent(recorded);
    return [
      {
        kind: 'upsert',
        table: 'history_entries',
        row: {
          position: Number(recorded.position),
          entity_id: recorded.stream.slice(recorded.stream.indexOf('-') + 1),
          stream: recorded.stream,
          type: recorded.type,
          occurred_at: recorded.metadata.occurredAt,
          actor: recorded.metadata.actor ?? null,
          changes: JSON.stringify(changes),
          reason,
        },
      },
    ];
  },
};
