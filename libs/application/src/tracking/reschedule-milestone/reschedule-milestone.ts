import type { RescheduleMilestone } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type RescheduleMilestoneInput = OnCommitment & Pick<RescheduleMilestone, 'milestoneId' | 'dueDate' | 'reason'>;

export const rescheduleMilestone = trackingChange<RescheduleMilestoneInput, RescheduleMilestone>({
  name: 'RescheduleMilestone',
  trackers: 'owner',
  command: ({ milestoneId, dueDate, reason }, plan) => ({ type: 'RescheduleMilestone', milestoneId, dueDate, reason, plan }),
  item: (command) => command.milestoneId,
});
