import type { TrackingEvent } from '#domain';
import { keepingHistory, type Projection, type RowChange } from '#projections';

type TaskEvent = Extract<TrackingEvent, { type: 'TaskAdded' | 'TaskAssigned' | 'TaskCompleted' | 'TaskReopened' }>;

export const TASK_EVENT_TYPES: readonly string[] = ['TaskAdded', 'TaskAssigned', 'TaskCompleted', 'TaskReopened'] satisfies TaskEvent['type'][];

/** The tasks of every commitment: who they are assigned to, when they are due and done. */
const tasks: Projection = {
  name: 'tasks',
  version: 2,
  eventTypes: TASK_EVENT_TYPES,
  tables: [
    {
      name: 'tasks',
      columns: {
        task_id: 'TEXT',
        commitment_id: 'TEXT',
        title: 'TEXT',
        due_date: 'TEXT',
        assignee_kind: 'TEXT',
        assignee_id: 'TEXT',
        completed_on: 'TEXT',
        created_position: 'INTEGER',
      },
      primaryKey: ['task_id'],
      indexes: [['commitment_id']],
    },
  ],
  project(recorded): RowChange[] {
    const event = recorded as unknown as TaskEvent;
    switch (event.type) {
      case 'TaskAdded': {
        const d = event.data;
        return [
          {
            kind: 'upsert',
            table: 'tasks',
            row: {
              task_id: d.taskId,
              commitment_id: d.commitmentId,
              title: d.title,
              due_date: d.dueDate,
              assignee_kind: null,
              assignee_id: null,
              completed_on: null,
              created_position: Number(recorded.position),
            },
          },
        ];
      }
      case 'TaskAssigned':
        return [{ kind: 'upsert', table: 'tasks', row: { task_id: event.data.taskId, assignee_kind: event.data.assignee.kind, assignee_id: event.data.assignee.id } }];
      case 'TaskCompleted':
        return [{ kind: 'upsert', table: 'tasks', row: { task_id: event.data.taskId, completed_on: event.data.completedOn } }];
      case 'TaskReopened':
        return [{ kind: 'upsert', table: 'tasks', row: { task_id: event.data.taskId, completed_on: null } }];
      default:
        return [];
    }
  },
};

export const tasksProjection: Projection = keepingHistory(tasks, ['tasks']);
