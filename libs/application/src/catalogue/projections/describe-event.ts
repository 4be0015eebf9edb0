import type { CommitmentEvent, PlanEvent, StakeholderEvent } from '#domain';
import type { RecordedEvent } from '#eventstore';

/** One field an event set: its name and the value before and after (JSON), `from` null when it was new. */
export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

const ID_FIELDS = new Set(['planId', 'stakeholderId', 'commitmentId']);

/** Every field of a creation event, as set from nothing. */
const created = (data: object): FieldChange[] =>
  Object.entries(data)
    .filter(([field]) => !ID_FIELDS.has(field))
    .map(([field, to]) => ({ field, from: null, to }));

/** What an event changed and why, for the audit trail. */
export function describeEvent(recorded: RecordedEvent): { changes: FieldChange[]; reason: string | null } {
  const event = recorded as unknown as PlanEvent | StakeholderEvent | CommitmentEvent;
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
      return { changes: [{ field: 'status', from: 'ACTIVE', to: 'COMPLETED' }, { field: 'completedOn', from: null, to: event.data.completedOn }], reason: null };
    default:
      return { changes: [], reason: null };
  }
}
