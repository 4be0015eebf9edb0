import type { PlanEvent, ReportingCycle } from '#domain';
import { defineTable, integer, keepingHistory, type Projection, type RowChange, type RowOf, text } from '#projections';
import { upsert } from '../../read-model/rows.js';

export const plansTable = defineTable({
  name: 'plans',
  columns: {
    plan_id: text(),
    country: text(),
    title: text(),
    period_start: text(),
    period_end: text(),
    default_deadline: text.orNull(),
    reporting_cycle: text<ReportingCycle>(),
    status: text<'DRAFT' | 'ADOPTED' | 'CLOSED'>(),
    version: integer(),
    created_position: integer(),
    drafted_at: text(),
    adopted_on: text.orNull(),
    closed_on: text.orNull(),
    updated_at: text(),
  },
  primaryKey: ['plan_id'],
  indexes: [['created_position'], ['country', 'created_position'], ['status', 'created_position']],
});

/** A plan's thematic areas, in the order they were defined. */
export const planAreasTable = defineTable({
  name: 'plan_areas',
  columns: { plan_id: text(), code: text(), title: text(), ordinal: integer() },
  primaryKey: ['plan_id', 'code'],
});

/** The stakeholders admitted to a plan, in the order they joined. */
export const planStakeholdersTable = defineTable({
  name: 'plan_stakeholders',
  columns: { plan_id: text(), stakeholder_id: text(), admitted_at: text(), ordinal: integer() },
  primaryKey: ['plan_id', 'stakeholder_id'],
  indexes: [['stakeholder_id']],
});

/** Plans with their thematic areas and admitted stakeholders, with their history (`plan.asOf`). */
const plans: Projection = {
  name: 'plans',
  version: 2,
  eventTypes: ['PlanDrafted', 'ThematicAreaDefined', 'PlanAdopted', 'PlanClosed', 'StakeholderAdmitted', 'ReportingPeriodClosed'],
  tables: [plansTable, planAreasTable, planStakeholdersTable],
  project(recorded): RowChange[] {
    const event = recorded as unknown as PlanEvent;
    const at = recorded.metadata.occurredAt;
    const version = Number(recorded.revision);
    const plan = (planId: string, columns: Partial<RowOf<typeof plansTable>>): RowChange =>
      upsert(plansTable, { plan_id: planId, version, updated_at: at, ...columns });
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
          upsert(planAreasTable, { plan_id: event.data.planId, code: event.data.code, title: event.data.title, ordinal: version }),
          plan(event.data.planId, {}),
        ];
      case 'PlanAdopted':
        return [plan(event.data.planId, { status: 'ADOPTED', adopted_on: event.data.adoptedOn })];
      case 'PlanClosed':
        return [plan(event.data.planId, { status: 'CLOSED', closed_on: event.data.closedOn })];
      case 'StakeholderAdmitted':
        return [
          upsert(planStakeholdersTable, {
            plan_id: event.data.planId,
            stakeholder_id: event.data.stakeholderId,
            admitted_at: at,
            ordinal: version,
          }),
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

export const plansProjection: Projection = keepingHistory(plans, [plansTable.name, planAreasTable.name, planStakeholdersTable.name]);
