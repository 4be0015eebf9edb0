import type { ReopenTask } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type ReopenTaskInput = OnCommitment & Pick<ReopenTask, 'taskId' | 'reason'>;

export const reopenTask = trackingChange<ReopenTaskInput, ReopenTask>({
  name: 'ReopenTask',
  trackers: 'owner',
  command: ({ taskId, reason }, plan) => ({ type: 'ReopenTask', taskId, reason, plan }),
  item: (command) => command.taskId,
});
