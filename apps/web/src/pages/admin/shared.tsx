import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Field } from '../../components/Field';
import { type PlanChoice, type StakeholderChoice, scopeName } from '../../admin';

// What the Administration page shows of a participant, whichever query or mutation answers with one.
graphql(`
  fragment AdminParticipantFields on Participant {
    id
    displayName
    kind
    roles {
      role
      scope
    }
    personalData {
      subject
      realName
      email
      erased
    }
  }
`);

export const CHOICES = graphql(`
  query AdminChoices {
    plans(first: 100) {
      edges {
        node {
          id
          title
          country
          status
        }
      }
    }
    stakeholders(first: 100) {
      edges {
        node {
          id
          name
          kind
          country
        }
      }
    }
  }
`);

export const PARTICIPANTS = graphql(`
  query AdminParticipants {
    participants(first: 100) {
      totalCount
      edges {
        node {
          ...AdminParticipantFields
        }
      }
    }
  }
`);

export const PARTICIPANT = graphql(`
  query AdminParticipant($id: ID!) {
    participant(id: $id) {
      ...AdminParticipantFields
    }
  }
`);

export const DRAFT_PLAN = graphql(`
  mutation AdminDraftPlan($input: DraftPlanInput!) {
    draftPlan(input: $input) {
      position
      plan {
        id
        title
        country
        status
      }
    }
  }
`);
export const REGISTER = graphql(`
  mutation AdminRegisterParticipant($input: RegisterParticipantInput!) {
    registerParticipant(input: $input) {
      participant {
        ...AdminParticipantFields
      }
    }
  }
`);
export const GRANT = graphql(`
  mutation AdminGrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      participant {
        ...AdminParticipantFields
      }
    }
  }
`);
export const REVOKE = graphql(`
  mutation AdminRevokeRole($input: RevokeRoleInput!) {
    revokeRole(input: $input) {
      participant {
        ...AdminParticipantFields
      }
    }
  }
`);
export const ERASE = graphql(`
  mutation AdminErasePersonalData($input: ErasePersonalDataInput!) {
    erasePersonalData(input: $input) {
      participant {
        ...AdminParticipantFields
      }
    }
  }
`);

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly kind: string;
  readonly roles: readonly { role: string; scope?: string | null }[];
  readonly personalData?: { subject?: string | null; realName?: string | null; email?: string | null; erased: boolean } | null;
}

export interface Lists {
  readonly plans: readonly PlanChoice[];
  readonly stakeholders: readonly StakeholderChoice[];
}

/** A participant's roles in words: "Coordinator of <plan>", "Administrator of the platform". */
export function useRoleText(lists: Lists) {
  const { t } = useTranslation('admin');
  return (grant: { role: string; scope?: string | null }) => {
    const where = scopeName(grant.scope, lists.plans, lists.stakeholders);
    return where ? t('roleIn', { role: t(`role.${grant.role}`), scope: where }) : t(`role.${grant.role}`);
  };
}

/** Who may be chosen for a role change: participants whose subject the admin can read (the api finds people by it). */
export const withSubject = (people: readonly Person[]) => people.filter((p) => p.personalData?.subject && !p.personalData.erased);

export function PersonSelect({
  people,
  value,
  onChange,
  error,
  label,
}: {
  people: readonly Person[];
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
  label: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('choose')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName} ({t(`kind.${person.kind}`)})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
