import type { PlanEvent } from '#domain';
import { keepingHistory, type Projection, type RowChange } from '#projections';

/** Plans with their thematic areas and admitted stakeholders, with their history (`plan.asOf`). */
const plans: Projection = {
  name: 'plans',
  version: 2,
  eventTypes: ['PlanDrafted', 'ThematicAreaDefined', 'PlanAdopted', 'PlanClosed', 'StakeholderAdmitted', 'ReportingPeriodClosed'],
  tables: [
    {
      name: 'plans',
      columns: {
        plan_id: 'TEXT',
        country: 'TEXT',
        title: 'TEXT',
        period_start: 'TEXT',
        period_end: 'TEXT',
        default_deadline: 'TEXT',
        reporting_cycle: 'TEXT',
        status: 'TEXT',
        version: 'INTEGER',
        created_position: 'INTEGER',
        drafted_at: 'TEXT',
        adopted_on: 'TEXT',
        closed_on: 'TEXT',
        updated_at: 'TEXT',
      },
      primaryKey: ['plan_id'],
      indexes: [['created_position'], ['country', 'created_position'], ['status', 'created_position']],
    },
    {
      name: 'plan_areas',
      columns: { plan_id: 'TEXT', code: 'TEXT', title: 'TEXT', ordinal: 'INTEGER' },
      primaryKey: ['plan_id', 'code'],
    },
    {
      name: 'plan_stakeholders',
      columns: { plan_id: 'TEXT', stakeholder_id: 'TEXT', admitted_at: 'TEXT', ordinal: 'INTEGER' },
      primaryKey: ['plan_id', 'stakeholder_id'],
      indexes: [['stakeholder_id']],
    },
  ],
  project(recorded): RowChange[] {
    const event = recorded as unknown as PlanEvent;
    const at = recorded.metadata.occurredAt;
    const version = Number(recorded.revision);
    const plan = (planId: string, columns: Record<string, string | number | null>): RowChange => ({
      kind: 'upsert',
      table: 'plans',
      row: { plan_id: planId, version, updated_at: at, ...columns },
    });
    switch (event.type) {
      case 'PlanDrafted': {
        const d = event.data;
        return [
          plan(d.planId, {
            country: d.country,
            title: d.title,
            period_start: d.periodStart,
            period_end: d.periodEnd,
            default_deadline: d.defaultDeadline,
            reporting_cycle: d.reportingCycle,
            status: 'DRAFT',
            created_position: Number(recorded.position),
            drafted_at: at,
          }),
        ];
      }
      case 'ThematicAreaDefined':
        return [
          { kind: 'upsert', table: 'plan_areas', row: { plan_id: event.data.planId, code: event.data.code, title: event.data.title, ordinal: version } },
          plan(event.data.planId, {}),
        ];
      case 'PlanAdopted':
        return [plan(event.data.planId, { status: 'ADOPTED', adopted_on: event.data.adoptedOn })];
      case 'PlanClosed':
        return [plan(event.data.planId, { status: 'CLOSED', closed_on: event.data.closedOn })];
      case 'StakeholderAdmitted':
        return [
          {
            kind: 'upsert',
            table: 'plan_stakeholders',
            row: { plan_id: event.data.planId, stakeholder_id: event.data.stakeholderId, admitted_at: at, ordinal: version },
          },
          plan(event.data.planId, {}),
        ];
      case 'ReportingPeriodClosed':
        // The closed periods are tracking's; the plan's version moves on with every event of its stream.
        return [plan(event.data.planId, {})];
      default:
        return [];
    }
  },
};

export const plansProjection: Projection = keepingHistory(plans, ['plans', 'plan_areas', 'plan_stakeholders']);
