import { useQuery } from '@apollo/client/react';
import { currentSession } from './auth';
import { graphql } from './gql';

const VIEWER = graphql(`
  query Viewer {
    viewer {
      subject
      participantId
      displayName
      roles {
        role
        scope
      }
    }
  }
`);

/**
 * The signed-in participant and what their roles let them do (the api decides; this only chooses what to show).
 *
 * Asked once per session, by the first part of a page that needs it, and read from the cache by every other (signing
 * in or out empties the cache); an anonymous reader is nobody, without asking.
 */
export function useViewer() {
  const { data, loading } = useQuery(VIEWER, { fetchPolicy: 'cache-first', skip: !currentSession() });
  const viewer = data?.viewer ?? null;
  const has = (role: string, scope?: string) =>
    viewer?.roles.some((grant) => grant.role === 'ADMIN' || (grant.role === role && (scope === undefined || grant.scope === scope))) ??
    false;
  return {
    viewer,
    /** Still asking who the reader is. */
    loading: loading && !data,
    /** The platform's administrator (ADMIN, unscoped): the Administration page is theirs. */
    isAdmin: viewer?.roles.some((grant) => grant.role === 'ADMIN') ?? false,
    isFocalPointOf: (stakeholderId: string) => has('FOCAL_POINT', stakeholderId),
    isCoordinatorOf: (planId: string) => has('COORDINATOR', planId),
    focalPointScopes: viewer?.roles.filter((grant) => grant.role === 'FOCAL_POINT').map((grant) => grant.scope!) ?? [],
    coordinatorScopes: viewer?.roles.filter((grant) => grant.role === 'COORDINATOR').map((grant) => grant.scope!) ?? [],
    monitorScopes: viewer?.roles.filter((grant) => grant.role === 'MONITOR').map((grant) => grant.scope!) ?? [],
    youthScopes: viewer?.roles.filter((grant) => grant.role === 'YOUTH').map((grant) => grant.scope!) ?? [],
  };
}
