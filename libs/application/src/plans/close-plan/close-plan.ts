import type { ClosePlan } from '#domain';
import { type OnPlan, planChange } from '../plan-stream.js';

export type ClosePlanInput = OnPlan & Omit<ClosePlan, 'type'>;

export const closePlan = planChange<ClosePlanInput, ClosePlan>({
  name: 'ClosePlan',
  action: 'close this plan',
  command: ({ reason }) => ({ type: 'ClosePlan', reason }),
});
