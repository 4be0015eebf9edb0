import type { AddTask } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type AddTaskInput = OnCommitment & Pick<AddTask, 'title' | 'dueDate'>;

/** The focal points of the owner and of its co-owners add tasks. */
export const addTask = trackingChange<AddTaskInput, AddTask>({
  name: 'AddTask',
  trackers: 'co-owners',
  command: ({ title, dueDate, commitmentId }, plan, run) => ({ type: 'AddTask', taskId: run.newId(commitmentId), title, dueDate, plan }),
  item: (command) => command.taskId,
});
