import type { StakeholderKind } from '../../gql/graphql';

/** The kinds of stakeholder, in the order the forms and filters offer them. */
export const STAKEHOLDER_KINDS: StakeholderKind[] = [
  'GOVERNMENT',
  'PRIVATE_SECTOR',
  'NGO',
  'YOUTH_PANEL',
  'INTERGOVERNMENTAL',
  'LAW_ENFORCEMENT',
  'ACADEMIC',
  'OTHER',
];
