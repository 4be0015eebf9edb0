import type { CompleteMilestone } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type CompleteMilestoneInput = OnCommitment & Pick<CompleteMilestone, 'milestoneId' | 'completedOn'>;

export const completeMilestone = trackingChange<CompleteMilestoneInput, CompleteMilestone>({
  name: 'CompleteMilestone',
  trackers: 'owner',
  command: ({ milestoneId, completedOn }, plan) => ({ type: 'CompleteMilestone', milestoneId, completedOn, plan }),
  item: (command) => command.milestoneId,
});
