import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../i18n';
import { useViewer } from '../viewer';

const OWNED = graphql(`
  query Owned($stakeholderId: ID!) {
    stakeholder(id: $stakeholderId) {
      id
      name
      commitments(first: 100) { edges { node { id title status dueDate plan { id title } } } }
    }
  }
`);

function StakeholderCommitments({ stakeholderId }: { stakeholderId: string }) {
  const { t, i18n } = useTranslation(['workspace', 'common']);
  const { data, loading, error } = useQuery(OWNED, { variables: { stakeholderId } });
  return (
    <QueryState loading={loading && !data} error={error}>
      {data?.stakeholder && (
        <section aria-labelledby={`owner-${stakeholderId}`}>
          <h2 id={`owner-${stakeholderId}`}>{data.stakeholder.name}</h2>
          <ul className="plain">
            {data.stakeholder.commitments.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={`/commitments/${node.id}`}>{node.title}</Link> · {node.plan.title} · {t(`common:status.${node.status}`)} · {formatDate(node.dueDate, i18n.language)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </QueryState>
  );
}

/** A focal point's commitments (those of the stakeholders they speak for) and the plans they coordinate. */
export function WorkspacePage() {
  const { t } = useTranslation('workspace');
  const { viewer, focalPointScopes, coordinatorScopes } = useViewer();
  if (!viewer) return <p>{t('signIn')}</p>;
  return (
    <section aria-labelledby="workspace-page-heading">
      <h1 id="workspace-page-heading">{t('heading')}</h1>
      {focalPointScopes.length === 0 && coordinatorScopes.length === 0 && <p>{t('nothing')}</p>}
      {focalPointScopes.map((id) => (
        <StakeholderCommitments key={id} stakeholderId={id} />
      ))}
      {coordinatorScopes.length > 0 && (
        <section aria-labelledby="coordinating-heading">
          <h2 id="coordinating-heading">{t('coordinating')}</h2>
          <ul className="plain">
            {coordinatorScopes.map((planId) => (
              <li key={planId}>
                <Link to={`/plans/${planId}/moderation`}>{t('moderate')}</Link> · <Link to={`/plans/${planId}`}>{t('dashboard')}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
