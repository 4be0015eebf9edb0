import type { StakeholderEvent, StakeholderKind } from '#domain';
import { defineTable, integer, keepingHistory, type Projection, type RowChange, text } from '#projections';
import { upsert } from '../../read-model/rows.js';

export const stakeholdersTable = defineTable({
  name: 'stakeholders',
  columns: {
    stakeholder_id: text(),
    name: text(),
    kind: text<StakeholderKind>(),
    sector: text(),
    country: text(),
    version: integer(),
    created_position: integer(),
    registered_at: text(),
  },
  primaryKey: ['stakeholder_id'],
  indexes: [['created_position'], ['kind'], ['country']],
});

const stakeholders: Projection = {
  name: 'stakeholders',
  version: 2,
  eventTypes: ['StakeholderRegistered'],
  tables: [stakeholdersTable],
  project(recorded): RowChange[] {
    const event = recorded as unknown as StakeholderEvent;
    if (event.type !== 'StakeholderRegistered') return [];
    const { stakeholderId, name, kind, sector, country } = event.data;
    return [
      upsert(stakeholdersTable, {
        stakeholder_id: stakeholderId,
        name,
        kind,
        sector,
        country,
        version: Number(recorded.revision),
        created_position: Number(recorded.position),
        registered_at: recorded.metadata.occurredAt,
      }),
    ];
  },
};

export const stakeholdersProjection: Projection = keepingHistory(stakeholders, [stakeholdersTable.name]);
