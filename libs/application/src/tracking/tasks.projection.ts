import type { TrackingEvent } from '#domain';
import { defineTable, integer, keepingHistory, type Projection, type RowChange, text } from '#projections';
import { upsert } from '../read-model/rows.js';

type TaskEvent = Extract<TrackingEvent, { type: 'TaskAdded' | 'TaskAssigned' | 'TaskCompleted' | 'TaskReopened' }>;

export const TASK_EVENT_TYPES: readonly string[] = [
  'TaskAdded',
  'TaskAssigned',
  'TaskCompleted',
  'TaskReopened',
] satisfies TaskEvent['type'][];

export const tasksTable = defineTable({
  name: 'tasks',
  columns: {
    task_id: text(),
    commitment_id: text(),
    title: text(),
    due_date: text(),
    assignee_kind: text.orNull<'PARTICIPANT' | 'STAKEHOLDER'>(),
    assignee_id: text.orNull(),
    completed_on: text.orNull(),
    created_position: integer(),
  },
  primaryKey: ['task_id'],
  indexes: [['commitment_id']],
});

/** The tasks of every commitment: who they are assigned to, when they are due and done. */
const tasks: Projection = {
  name: 'tasks',
  version: 2,
  eventTypes: TASK_EVENT_TYPES,
  tables: [tasksTable],
  project(recorded): RowChange[] {
    const event = recorded as unknown as TaskEvent;
    switch (event.type) {
      case 'TaskAdded': {
        const d = event.data;
        return [
          upsert(tasksTable, {
            task_id: d.taskId,
            commitment_id: d.commitmentId,
            title: d.title,
            due_date: d.dueDate,
            assignee_kind: null,
            assignee_id: null,
            completed_on: null,
            created_position: Number(recorded.position),
          }),
        ];
      }
      case 'TaskAssigned':
        return [
          upsert(tasksTable, { task_id: event.data.taskId, assignee_kind: event.data.assignee.kind, assignee_id: event.data.assignee.id }),
        ];
      case 'TaskCompleted':
        return [upsert(tasksTable, { task_id: event.data.taskId, completed_on: event.data.completedOn })];
      case 'TaskReopened':
        return [upsert(tasksTable, { task_id: event.data.taskId, completed_on: null })];
      default:
        return [];
    }
  },
};

export const tasksProjection: Projection = keepingHistory(tasks, [tasksTable.name]);
