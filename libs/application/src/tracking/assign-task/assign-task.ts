import { type AssignTask, participantDecider, participantStream } from '#domain';
import { NotFoundError } from '../../errors.js';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { currentState } from '../../kernel/stream-state-cache.js';
import { currentStakeholder } from '../../stakeholders/stakeholder-stream.js';
import { trackingChange } from '../tracking-change.js';

export type AssignTaskInput = OnCommitment & Pick<AssignTask, 'taskId' | 'assignee'>;

/** A task is assigned to a registered participant or stakeholder. */
export const assignTask = trackingChange<AssignTaskInput, AssignTask>({
  name: 'AssignTask',
  trackers: 'owner',
  async check({ ports, input: { assignee } }) {
    const exists =
      assignee.kind === 'STAKEHOLDER'
        ? (await currentStakeholder(ports.store, assignee.id)).status !== 'none'
        : (await currentState(ports.store, participantStream(assignee.id), participantDecider)).status !== 'unregistered';
    if (!exists) throw new NotFoundError(`There is no ${assignee.kind.toLowerCase()} ${assignee.id} to assign the task to.`);
  },
  command: ({ taskId, assignee }, plan) => ({ type: 'AssignTask', taskId, assignee, plan }),
  item: (command) => command.taskId,
});
