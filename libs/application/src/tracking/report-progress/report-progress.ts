import type { ReportProgress } from '#domain';
import type { OnCommitment } from '../../commitments/commitment-stream.js';
import { trackingChange } from '../tracking-change.js';

/** A progress report as its author gives it: the domain command without the report's id and the plan. */
export type ReportProgressInput = OnCommitment & Omit<ReportProgress, 'type' | 'reportId' | 'plan'>;

/** The focal points of the owner and of its co-owners report progress (or correct an earlier report). */
export const reportProgress = trackingChange<ReportProgressInput, ReportProgress>({
  name: 'ReportProgress',
  trackers: 'co-owners',
  command: ({ commitmentId, ...report }, plan, run) => ({ ...report, type: 'ReportProgress', reportId: run.newId(commitmentId), plan }),
  item: (command) => command.reportId,
});
