import { describe, expect, it } from '@jest/globals';
import { SqliteTrackingReader } from '#application';
import { given } from './given.js';
import { Timeline } from './timeline.js';

describe('the tasks projection', () => {
  const withCommitment = (t: Timeline) => [t.planDrafted('plan-1'), t.commitmentMade('c-1', 'plan-1'), t.commitmentActivated('c-1')];

  it('given a task added, then an unassigned, open task row on its commitment', () => {
    const t = new Timeline();
    expect(given(...withCommitment(t), t.taskAdded('c-1', 'task-1', '2026-05-01', 'Book the venue')).rows('tasks')).toEqual([
      {
        task_id: 'task-1',
        commitment_id: 'c-1',
        title: 'Book the venue',
        due_date: '2026-05-01',
        assignee_kind: null,
        assignee_id: null,
        completed_on: null,
        created_position: 4,
      },
    ]);
  });

  it('when it is assigned, then completed, then reopened, then the row says who has it and whether it is done', () => {
    const t = new Timeline();
    const readModels = given(
      ...withCommitment(t),
      t.taskAdded('c-1', 'task-1', '2026-05-01'),
      t.taskAssigned('c-1', 'task-1', { kind: 'STAKEHOLDER', id: 'ngo' }),
    );
    expect(readModels.row('tasks', { task_id: 'task-1' })).toMatchObject({
      assignee_kind: 'STAKEHOLDER',
      assignee_id: 'ngo',
      completed_on: null,
    });

    readModels.when(t.taskAssigned('c-1', 'task-1', { kind: 'PARTICIPANT', id: 'p-7' }), t.on('2026-04-20').taskCompleted('c-1', 'task-1'));
    expect(readModels.row('tasks', { task_id: 'task-1' })).toMatchObject({
      assignee_kind: 'PARTICIPANT',
      assignee_id: 'p-7',
      completed_on: '2026-04-20',
    });

    readModels.when(t.taskReopened('c-1', 'task-1'));
    expect(readModels.row('tasks', { task_id: 'task-1' })).toMatchObject({
      completed_on: null,
      title: 'Task task-1',
      due_date: '2026-05-01',
    });
  });

  it('answers the tasks of commitments by due date, now and as of a day', () => {
    const t = new Timeline();
    const readModels = given(
      ...withCommitment(t),
      t.on('2026-03-01').taskAdded('c-1', 'late', '2026-09-01'),
      t.taskAdded('c-1', 'early', '2026-04-01'),
      t.taskAssigned('c-1', 'early', { kind: 'PARTICIPANT', id: 'p-7' }),
      t.on('2026-04-01').taskCompleted('c-1', 'early'),
    );
    const tracking = new SqliteTrackingReader(readModels.database());

    expect(tracking.tasksOf(['c-1'])).toEqual([
      {
        id: 'early',
        commitmentId: 'c-1',
        title: 'Task early',
        dueDate: '2026-04-01',
        assignee: { kind: 'PARTICIPANT', id: 'p-7' },
        completedOn: '2026-04-01',
      },
      { id: 'late', commitmentId: 'c-1', title: 'Task late', dueDate: '2026-09-01', assignee: null, completedOn: null },
    ]);
    expect(
      tracking
        .asOf('2026-03-15')
        .tasksOf(['c-1'])
        .map((task) => [task.id, task.completedOn]),
    ).toEqual([
      ['early', null],
      ['late', null],
    ]);
    expect(tracking.tasksOf(['c-2'])).toEqual([]);
  });

  it('ignores every event but the task ones', () => {
    const t = new Timeline();
    const readModels = given(...withCommitment(t), t.milestoneScheduled('c-1', 'm-1', '2026-06-30'), t.progressReported('c-1', 'r-1'));
    expect(readModels.rows('tasks')).toEqual([]);
  });
});
