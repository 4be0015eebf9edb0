import type { AdoptPlan } from '#domain';
import { type OnPlan, planChange } from '../plan-stream.js';

export const adoptPlan = planChange<OnPlan, AdoptPlan>({
  name: 'AdoptPlan',
  action: 'adopt this plan',
  command: () => ({ type: 'AdoptPlan' }),
});
