import type { CommitmentEvent, PlanEvent, StakeholderEvent, TrackingEvent } from '#domain';
import type { RecordedEvent } from '#eventstore';

/** One field an event set: its name and the value before and after (JSON), `from` null when it was new. */
export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

const ID_FIELDS = new Set(['planId', 'stakeholderId', 'commitmentId']);

const without = (data: object, ...fields: string[]): object =>
  Object.fromEntries(Object.entries(data).filter(([field]) => !fields.includes(field)));

/** Every field of a creation event, as set from nothing. */
const created = (data: object): FieldChange[] =>
  Object.entries(data)
    .filter(([field]) => !ID_FIELDS.has(field))
    .map(([field, to]) => ({ field, from: null, to }));

/** What an event changed and why, for the audit trail. */
export function describeEvent(recorded: RecordedEvent): { changes: FieldChange[]; reason: string | null } {
  const event = recorded as unknown as PlanEvent | StakeholderEvent | CommitmentEvent | TrackingEvent;
  switch (event.type) {
    case 'PlanDrafted':
    case 'StakeholderRegistered':
    case 'CommitmentMade':
      return { changes: created(event.data), reason: null };
    case 'ThematicAreaDefined':
      return { changes: [{ field: 'thematicAreas', from: null, to: { code: event.data.code, title: event.data.title } }], reason: null };
    case 'PlanAdopted':
      return { changes: [{ field: 'status', from: 'DRAFT', to: 'ADOPTED' }], reason: null };
    case 'PlanClosed':
      return { changes: [{ field: 'status', from: null, to: 'CLOSED' }], reason: event.data.reason };
    case 'StakeholderAdmitted':
      return { changes: [{ field: 'stakeholders', from: null, to: event.data.stakeholderId }], reason: null };
    case 'CommitmentActivated':
      return { changes: [{ field: 'status', from: 'PROPOSED', to: 'ACTIVE' }], reason: null };
    case 'CommitmentRevised':
      return {
        changes: Object.entries(event.data.changes).map(([field, to]) => ({
          field,
          from: (event.data.previous as Record<string, unknown>)[field] ?? null,
          to,
        })),
        reason: event.data.reason,
      };
    case 'CommitmentWithdrawn':
      return { changes: [{ field: 'status', from: null, to: 'WITHDRAWN' }], reason: event.data.reason };
    case 'CommitmentCompleted':
      return {
        changes: [
          { field: 'status', from: 'ACTIVE', to: 'COMPLETED' },
          { field: 'completedOn', from: null, to: event.data.completedOn },
        ],
        reason: null,
      };
    case 'ReportingPeriodClosed':
      return { changes: [{ field: 'closedPeriods', from: null, to: event.data.period }], reason: null };
    case 'MilestoneScheduled':
      return { changes: [{ field: 'milestones', from: null, to: without(event.data, 'commitmentId') }], reason: null };
    case 'MilestoneRescheduled':
      return {
        changes: [{ field: `milestone ${event.data.milestoneId} dueDate`, from: event.data.from, to: event.data.to }],
        reason: event.data.reason,
      };
    case 'MilestoneCompleted':
      return {
        changes: [{ field: `milestone ${event.data.milestoneId} completedOn`, from: null, to: event.data.completedOn }],
        reason: null,
      };
    case 'MilestoneReopened':
      return { changes: [{ field: `milestone ${event.data.milestoneId} completedOn`, from: null, to: null }], reason: event.data.reason };
    case 'TaskAdded':
      return { changes: [{ field: 'tasks', from: null, to: without(event.data, 'commitmentId') }], reason: null };
    case 'TaskAssigned':
      return { changes: [{ field: `task ${event.data.taskId} assignee`, from: null, to: event.data.assignee }], reason: null };
    case 'TaskCompleted':
      return { changes: [{ field: `task ${event.data.taskId} completedOn`, from: null, to: event.data.completedOn }], reason: null };
    case 'TaskReopened':
      return { changes: [{ field: `task ${event.data.taskId} completedOn`, from: null, to: null }], reason: event.data.reason };
    case 'ProgressReported':
      // The narrative stays out of the trail: it has a visibility level of its own.
      return { changes: [{ field: 'progressReports', from: null, to: without(event.data, 'commitmentId', 'narrative') }], reason: null };
    case 'ProgressReportVerified':
      return { changes: [{ field: `report ${event.data.reportId} verification`, from: null, to: 'VERIFIED' }], reason: event.data.note };
    case 'ProgressReportDisputed':
      return { changes: [{ field: `report ${event.data.reportId} verification`, from: null, to: 'DISPUTED' }], reason: event.data.reason };
    default:
      return { changes: [], reason: null };
  }
}
