import type { StakeholderEvent } from '#domain';
import { keepingHistory, type Projection, type RowChange } from '#projections';

const stakeholders: Projection = {
  name: 'stakeholders',
  version: 2,
  eventTypes: ['StakeholderRegistered'],
  tables: [
    {
      name: 'stakeholders',
      columns: {
        stakeholder_id: 'TEXT',
        name: 'TEXT',
        kind: 'TEXT',
        sector: 'TEXT',
        country: 'TEXT',
        version: 'INTEGER',
        created_position: 'INTEGER',
        registered_at: 'TEXT',
      },
      primaryKey: ['stakeholder_id'],
      indexes: [['created_position'], ['kind'], ['country']],
    },
  ],
  project(recorded): RowChange[] {
    const event = recorded as unknown as StakeholderEvent;
    if (event.type !== 'StakeholderRegistered') return [];
    const { stakeholderId, name, kind, sector, country } = event.data;
    return [
      {
        kind: 'upsert',
        table: 'stakeholders',
        row: {
          stakeholder_id: stakeholderId,
          name,
          kind,
          sector,
          country,
          version: Number(recorded.revision),
          created_position: Number(recorded.position),
          registered_at: recorded.metadata.occurredAt,
        },
      },
    ];
  },
};

export const stakeholdersProjection: Projection = keepingHistory(stakeholders, ['stakeholders']);
