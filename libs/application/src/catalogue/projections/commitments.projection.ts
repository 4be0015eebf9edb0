import { type CommitmentChanges, type CommitmentEvent, type CommitmentStatus, daysBetween, TRACKING_EVENT_TYPES } from '#domain';
import { defineTable, integer, keepingHistory, type Projection, real, type RowChange, type RowOf, text } from '#projections';
import { typed, upsert } from '../../read-model/rows.js';

export const commitmentsTable = defineTable({
  name: 'commitments',
  columns: {
    commitment_id: text(),
    plan_id: text(),
    area_code: text(),
    owner_id: text(),
    /** A JSON array of stakeholder ids. */
    co_owner_ids: text(),
    title: text(),
    description: text(),
    source_reference: text.orNull(),
    indicator: text(),
    unit: text(),
    baseline: real(),
    target_value: real(),
    due_date: text(),
    /** 1: the plan's default deadline. */
    due_date_inherited: integer<0 | 1>(),
    original_due_date: text(),
    due_moves: integer(),
    due_days_moved: integer(),
    status: text<CommitmentStatus>(),
    created_position: integer(),
    made_at: text(),
    activated_on: text.orNull(),
    completed_on: text.orNull(),
    withdrawn_on: text.orNull(),
    withdrawal_reason: text.orNull(),
  },
  primaryKey: ['commitment_id'],
  indexes: [
    ['plan_id', 'created_position'],
    ['owner_id', 'created_position'],
    ['plan_id', 'status'],
    ['plan_id', 'area_code'],
    ['plan_id', 'due_date'],
  ],
});

/** The latest revision of each commitment's stream, and the day it was recorded on. */
export const commitmentRevisionsTable = defineTable({
  name: 'commitment_revisions',
  columns: { commitment_id: text(), version: integer(), day: text() },
  primaryKey: ['commitment_id'],
});

/** The last revision of each commitment's stream on each day it changed. */
export const commitmentDaysTable = defineTable({
  name: 'commitment_days',
  columns: { commitment_id: text(), day: text(), version: integer() },
  primaryKey: ['commitment_id', 'day'],
});

type CommitmentRow = RowOf<typeof commitmentsTable>;

function changedColumns(changes: CommitmentChanges): Partial<CommitmentRow> {
  return {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.sourceReference !== undefined ? { source_reference: changes.sourceReference } : {}),
    ...(changes.target !== undefined
      ? {
          indicator: changes.target.indicator,
          unit: changes.target.unit,
          baseline: changes.target.baseline,
          target_value: changes.target.targetValue,
        }
      : {}),
    ...(changes.dueDate !== undefined ? { due_date: changes.dueDate, due_date_inherited: 0 } : {}),
    ...(changes.coOwnerIds !== undefined ? { co_owner_ids: JSON.stringify(changes.coOwnerIds) } : {}),
  };
}

const TRACKING = new Set<string>(TRACKING_EVENT_TYPES);

/**
 * Commitments with their targets, due dates and status, with their history (`plan.asOf`). Co-owners are a JSON array of
 * stakeholder ids. Milestones, tasks and reports live in the same stream, so their events move the stream's revision
 * on too: it is the commitment's `version`, what a client passes back as `expectedVersion`. It is kept apart, so that
 * the many tracking events leave the commitment's own history alone: `commitment_revisions` holds the latest, and
 * `commitment_days` the last revision of each day the stream changed (the version as of a day).
 */
const commitments: Projection = {
  name: 'commitments',
  version: 8,
  eventTypes: [
    'CommitmentMade',
    'CommitmentActivated',
    'CommitmentRevised',
    'CommitmentWithdrawn',
    'CommitmentCompleted',
    ...TRACKING_EVENT_TYPES,
  ],
  tables: [commitmentsTable, commitmentRevisionsTable, commitmentDaysTable],
  project(recorded, view): RowChange[] {
    const commitmentId = (recorded.data as { commitmentId: string }).commitmentId;
    // The stream's revision, on the event's day (never before the last day it changed: its days never go backwards).
    const rows = typed(view);
    const last = rows.get(commitmentRevisionsTable, { commitment_id: commitmentId })?.day;
    const eventDay = recorded.metadata.occurredAt.slice(0, 10);
    const day = last !== undefined && last > eventDay ? last : eventDay;
    const version = Number(recorded.revision);
    const revision: RowChange[] = [
      upsert(commitmentRevisionsTable, { commitment_id: commitmentId, version, day }),
      upsert(commitmentDaysTable, { commitment_id: commitmentId, day, version }),
    ];
    if (TRACKING.has(recorded.type)) return revision;
    const event = recorded as unknown as CommitmentEvent;
    const commitment = (columns: Partial<CommitmentRow>): RowChange[] => [
      ...revision,
      upsert(commitmentsTable, { commitment_id: commitmentId, ...columns }),
    ];
    switch (event.type) {
      case 'CommitmentMade': {
        const d = event.data;
        return commitment({
          plan_id: d.planId,
          area_code: d.thematicAreaCode,
          owner_id: d.ownerId,
          co_owner_ids: JSON.stringify(d.coOwnerIds),
          title: d.title,
          description: d.description,
          source_reference: d.sourceReference,
          indicator: d.target.indicator,
          unit: d.target.unit,
          baseline: d.target.baseline,
          target_value: d.target.targetValue,
          due_date: d.dueDate,
          due_date_inherited: d.dueDateInherited ? 1 : 0,
          original_due_date: d.dueDate,
          due_moves: 0,
          due_days_moved: 0,
          status: 'PROPOSED',
          created_position: Number(recorded.position),
          made_at: recorded.metadata.occurredAt,
        });
      }
      case 'CommitmentActivated':
        return commitment({ status: 'ACTIVE', activated_on: event.data.activatedOn });
      case 'CommitmentRevised': {
        const { changes, previous } = event.data;
        if (changes.dueDate === undefined || previous.dueDate === undefined) return commitment(changedColumns(changes));
        const current = rows.get(commitmentsTable, { commitment_id: event.data.commitmentId });
        return commitment({
          ...changedColumns(changes),
          due_moves: (current?.due_moves ?? 0) + 1,
          due_days_moved: (current?.due_days_moved ?? 0) + Math.abs(daysBetween(previous.dueDate, changes.dueDate)),
        });
      }
      case 'CommitmentWithdrawn':
        return commitment({ status: 'WITHDRAWN', withdrawn_on: event.data.withdrawnOn, withdrawal_reason: event.data.reason });
      case 'CommitmentCompleted':
        return commitment({ status: 'COMPLETED', completed_on: event.data.completedOn });
      default:
        return revision;
    }
  },
};

export const commitmentsProjection: Projection = keepingHistory(commitments, [commitmentsTable.name]);
