import type { AdmitStakeholder } from '#domain';
import { NotFoundError } from '../../errors.js';
import { currentStakeholder } from '../../stakeholders/stakeholder-stream.js';
import { type OnPlan, planChange } from '../plan-stream.js';

export type AdmitStakeholderInput = OnPlan & Omit<AdmitStakeholder, 'type'>;

/** Only a registered stakeholder joins a plan. */
export const admitStakeholder = planChange<AdmitStakeholderInput, AdmitStakeholder>({
  name: 'AdmitStakeholder',
  action: 'admit stakeholders to this plan',
  async check({ ports, input }) {
    if ((await currentStakeholder(ports.store, input.stakeholderId)).status === 'none') {
      throw new NotFoundError('There is no such stakeholder; register it first.');
    }
  },
  command: ({ stakeholderId }) => ({ type: 'AdmitStakeholder', stakeholderId }),
});
