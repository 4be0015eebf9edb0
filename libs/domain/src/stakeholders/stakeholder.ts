import type { Decider, DomainEvent } from '../decider.js';
import { RuleViolation } from '../rule-violation.js';
import { requireCountry, requireText } from '../shared/values.js';

export const STAKEHOLDER_KINDS = [
  'GOVERNMENT',
  'PRIVATE_SECTOR',
  'NGO',
  'YOUTH_PANEL',
  'INTERGOVERNMENTAL',
  'LAW_ENFORCEMENT',
  'ACADEMIC',
  'OTHER',
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export type StakeholderRegistered = DomainEvent<
  'StakeholderRegistered',
  {
    readonly stakeholderId: string;
    readonly name: string;
    readonly kind: StakeholderKind;
    readonly sector: string;
    readonly country: string;
  }
>;
export type StakeholderEvent = StakeholderRegistered;
export const STAKEHOLDER_EVENT_TYPES = ['StakeholderRegistered'] as const;

export interface RegisterStakeholder {
  readonly type: 'RegisterStakeholder';
  readonly stakeholderId: string;
  readonly name: string;
  readonly kind: StakeholderKind;
  readonly sector: string;
  readonly country: string;
}
export type StakeholderCommand = RegisterStakeholder;

export type StakeholderState =
  | { readonly status: 'none' }
  | {
      readonly status: 'registered';
      readonly stakeholderId: string;
      readonly name: string;
      readonly kind: StakeholderKind;
      readonly sector: string;
      readonly country: string;
    };

export const stakeholderStream = (stakeholderId: string): string => `stakeholder-${stakeholderId}`;

/** An organisation taking part in plans: a ministry, a company, an NGO, a youth panel… (organisations, never individuals). */
export const stakeholderDecider: Decider<StakeholderState, StakeholderCommand, StakeholderEvent> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    const known = event as StakeholderEvent;
    return known.type === 'StakeholderRegistered' ? { status: 'registered', ...known.data } : state;
  },
  decide: (command, state) => {
    if (state.status !== 'none') throw new RuleViolation('stakeholder.already_registered', 'This stakeholder is already registered.');
    if (!(STAKEHOLDER_KINDS as readonly string[]).includes(command.kind)) {
      throw new RuleViolation('stakeholder.invalid_kind', `Kind must be one of ${STAKEHOLDER_KINDS.join(', ')}.`);
    }
    return [
      {
        type: 'StakeholderRegistered',
        data: {
          stakeholderId: command.stakeholderId,
          name: requireText(command.name, 'stakeholder.name_required', 'The name'),
          kind: command.kind,
          sector: requireText(command.sector, 'stakeholder.sector_required', 'The sector'),
          country: requireCountry(command.country, 'stakeholder.invalid_country'),
        },
      },
    ];
  },
};
