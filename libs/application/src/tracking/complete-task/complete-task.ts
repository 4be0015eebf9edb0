import type { CompleteTask } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type CompleteTaskInput = OnCommitment & Pick<CompleteTask, 'taskId' | 'completedOn'>;

/** The focal points of the owner and of its co-owners complete tasks. */
export const completeTask = trackingChange<CompleteTaskInput, CompleteTask>({
  name: 'CompleteTask',
  trackers: 'co-owners',
  command: ({ taskId, completedOn }, plan) => ({ type: 'CompleteTask', taskId, completedOn, plan }),
  item: (command) => command.taskId,
});
