import type { CloseReportingPeriod } from '#domain';
import { type OnPlan, planChange } from '../plan-stream.js';

export type CloseReportingPeriodInput = OnPlan & Omit<CloseReportingPeriod, 'type'>;

export const closeReportingPeriod = planChange<CloseReportingPeriodInput, CloseReportingPeriod>({
  name: 'CloseReportingPeriod',
  action: 'close reporting periods of this plan',
  command: ({ period }) => ({ type: 'CloseReportingPeriod', period }),
});
