import { type CommitmentChanges, type CommitmentEvent, daysBetween, TRACKING_EVENT_TYPES } from '#domain';
import { keepingHistory, type Projection, type RowChange, type SqlValue } from '#projections';

function changedColumns(changes: CommitmentChanges): Record<string, SqlValue> {
  return {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.sourceReference !== undefined ? { source_reference: changes.sourceReference } : {}),
    ...(changes.target !== undefined
      ? { indicator: changes.target.indicator, unit: changes.target.unit, baseline: changes.target.baseline, target_value: changes.target.targetValue }
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
  eventTypes: ['CommitmentMade', 'CommitmentActivated', 'CommitmentRevised', 'CommitmentWithdrawn', 'CommitmentCompleted', ...TRACKING_EVENT_TYPES],
  tables: [
    {
      name: 'commitments',
      columns: {
        commitment_id: 'TEXT',
        plan_id: 'TEXT',
        area_code: 'TEXT',
        owner_id: 'TEXT',
        co_owner_ids: 'TEXT',
        title: 'TEXT',
        description: 'TEXT',
        source_reference: 'TEXT',
        indicator: 'TEXT',
        unit: 'TEXT',
        baseline: 'REAL',
        target_value: 'REAL',
        due_date: 'TEXT',
        due_date_inherited: 'INTEGER',
        original_due_date: 'TEXT',
        due_moves: 'INTEGER',
        due_days_moved: 'INTEGER',
        status: 'TEXT',
        created_position: 'INTEGER',
        made_at: 'TEXT',
        activated_on: 'TEXT',
        completed_on: 'TEXT',
        withdrawn_on: 'TEXT',
        withdrawal_reason: 'TEXT',
      },
      primaryKey: ['commitment_id'],
      indexes: [['plan_id', 'created_position'], ['owner_id', 'created_position'], ['plan_id', 'status'], ['plan_id', 'area_code'], ['plan_id', 'due_date']],
    },
    {
      name: 'commitment_revisions',
      columns: { commitment_id: 'TEXT', version: 'INTEGER', day: 'TEXT' },
      primaryKey: ['commitment_id'],
    },
    {
      name: 'commitment_days',
      columns: { commitment_id: 'TEXT', day: 'TEXT', version: 'INTEGER' },
      primaryKey: ['commitment_id', 'day'],
    },
  ],
  project(recorded, view): RowChange[] {
    const commitmentId = (recorded.data as { commitmentId: string }).commitmentId;
    // The stream's revision, on the event's day (never before the last day it changed: its days never go backwards).
    const last = view.get('commitment_revisions', { commitment_id: commitmentId })?.['day'];
    const eventDay = recorded.metadata.occurredAt.slice(0, 10);
    const day = typeof last === 'string' && last > eventDay ? last : eventDay;
    const version = Number(recorded.revision);
    const revision: RowChange[] = [
      { kind: 'upsert', table: 'commitment_revisions', row: { commitment_id: commitmentId, version, day } },
      { kind: 'upsert', table: 'commitment_days', row: { commitment_id: commitmentId, day, version } },
    ];
    if (TRACKING.has(recorded.type)) return revision;
    const event = recorded as unknown as CommitmentEvent;
    const upsert = (columns: Record<string, SqlValue>): RowChange[] => [...revision, { kind: 'upsert', table: 'commitments', row: { commitment_id: commitmentId, ...columns } }];
    switch (event.type) {
      case 'CommitmentMade': {
        const d = event.data;
        return upsert({
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
        return upsert({ status: 'ACTIVE', activated_on: event.data.activatedOn });
      case 'CommitmentRevised': {
        const { changes, previous } = event.data;
        if (changes.dueDate === undefined || previous.dueDate === undefined) return upsert(changedColumns(changes));
        const current = view.get('commitments', { commitment_id: event.data.commitmentId });
        return upsert({
          ...changedColumns(changes),
          due_moves: Number(current?.['due_moves'] ?? 0) + 1,
          due_days_moved: Number(current?.['due_days_moved'] ?? 0) + Math.abs(daysBetween(previous.dueDate, changes.dueDate)),
        });
      }
      case 'CommitmentWithdrawn':
        return upsert({ status: 'WITHDRAWN', withdrawn_on: event.data.withdrawnOn, withdrawal_reason: event.data.reason });
      case 'CommitmentCompleted':
        return upsert({ status: 'COMPLETED', completed_on: event.data.completedOn });
      default:
        return revision;
    }
  },
};

export const commitmentsProjection: Projection = keepingHistory(commitments, ['commitments']);
