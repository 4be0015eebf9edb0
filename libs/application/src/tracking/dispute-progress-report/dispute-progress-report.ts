import type { DisputeProgressReport } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type DisputeProgressReportInput = OnCommitment & Pick<DisputeProgressReport, 'reportId' | 'reason'>;

export const disputeProgressReport = trackingChange<DisputeProgressReportInput, DisputeProgressReport>({
  name: 'DisputeProgressReport',
  trackers: 'monitors',
  command: ({ reportId, reason }, plan, { context }) => ({ type: 'DisputeProgressReport', reportId, monitor: context.actor, reason, plan }),
  item: (command) => command.reportId,
});
