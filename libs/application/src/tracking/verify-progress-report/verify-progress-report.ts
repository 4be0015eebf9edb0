import type { VerifyProgressReport } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

export type VerifyProgressReportInput = OnCommitment & Pick<VerifyProgressReport, 'reportId' | 'note'>;

export const verifyProgressReport = trackingChange<VerifyProgressReportInput, VerifyProgressReport>({
  name: 'VerifyProgressReport',
  trackers: 'monitors',
  command: ({ reportId, note }, plan, { context }) => ({ type: 'VerifyProgressReport', reportId, monitor: context.actor, note, plan }),
  item: (command) => command.reportId,
});
