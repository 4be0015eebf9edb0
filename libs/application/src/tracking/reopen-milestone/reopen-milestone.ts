import type { ReopenMilestone } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type ReopenMilestoneInput = OnCommitment & Pick<ReopenMilestone, 'milestoneId' | 'reason'>;

export const reopenMilestone = trackingChange<ReopenMilestoneInput, ReopenMilestone>({
  name: 'ReopenMilestone',
  trackers: 'owner',
  command: ({ milestoneId, reason }, plan) => ({ type: 'ReopenMilestone', milestoneId, reason, plan }),
  item: (command) => command.milestoneId,
});
