import { type RegisterStakeholder, stakeholderDecider, type StakeholderEvent, type StakeholderState, stakeholderStream } from '#domain';
import { authorize, holdsAnywhere } from '../../authorization/authorize.js';
import { newAggregate, type UseCase } from '../../kernel/use-case.js';

export type RegisterStakeholderInput = Omit<RegisterStakeholder, 'type' | 'stakeholderId'>;

/** Admins register stakeholders; so may coordinators, for their plans (DOMAIN.md). */
export const registerStakeholder: UseCase<RegisterStakeholderInput, StakeholderState, RegisterStakeholder, StakeholderEvent> = {
  name: 'RegisterStakeholder',
  decider: stakeholderDecider,
  target: newAggregate(stakeholderStream),
  authorize({ ports, context }) {
    if (!holdsAnywhere(ports.grants, context, 'COORDINATOR')) authorize(ports.grants, context, [], 'register stakeholders');
  },
  command: async ({ input, target }) => ({ type: 'RegisterStakeholder', stakeholderId: (await target()).id, ...input }),
};
