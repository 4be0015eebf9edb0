import type { ScheduleMilestone } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type ScheduleMilestoneInput = OnCommitment & Pick<ScheduleMilestone, 'title' | 'dueDate'>;

export const scheduleMilestone = trackingChange<ScheduleMilestoneInput, ScheduleMilestone>({
  name: 'ScheduleMilestone',
  trackers: 'owner',
  command: ({ title, dueDate, commitmentId }, plan, run) => ({
    type: 'ScheduleMilestone',
    milestoneId: run.newId(commitmentId),
    title,
    dueDate,
    plan,
  }),
  item: (command) => command.milestoneId,
});
