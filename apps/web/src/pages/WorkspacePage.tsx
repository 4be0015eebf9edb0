import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../i18n';
import { useViewer } from '../viewer';
import { CoordinatorSummary } from './WorkspacePage/CoordinatorSummary';
import { FocalPointJobs } from './WorkspacePage/FocalPointJobs';
import { MonitorJobs } from './WorkspacePage/MonitorJobs';
import { MyComments } from './WorkspacePage/MyComments';

const OWNED = graphql(`
  query Owned($stakeholderId: ID!) {
    stakeholder(id: $stakeholderId) {
      id
      name
      commitments(first: 100) {
        edges {
          node {
            id
            title
            status
            dueDate
            plan {
              id
              title
            }
          }
        }
      }
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
          <h2 id={`owner-${stakeholderId}`}>{t('commitmentsOf', { name: data.stakeholder.name })}</h2>
          <ul className="plain">
            {data.stakeholder.commitments.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={`/commitments/${node.id}`}>{node.title}</Link> · {node.plan.title} · {t(`common:status.${node.status}`)} ·{' '}
                {formatDate(node.dueDate, i18n.language)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </QueryState>
  );
}

/** Each role's to-do list: a focal point's deadlines and owed reports, a monitor's reports to judge, a coordinator's queue, a participant's comments. */
export function WorkspacePage() {
  const { t } = useTranslation('workspace');
  const { viewer, focalPointScopes, coordinatorScopes, monitorScopes, youthScopes } = useViewer();
  if (!viewer) {
    return (
      <Page title={t('heading')}>
        <p>{t('signIn')}</p>
      </Page>
    );
  }
  const none = focalPointScopes.length + coordinatorScopes.length + monitorScopes.length + youthScopes.length === 0;
  return (
    <Page title={t('heading')} className="workspace">
      {none && <p>{t('nothing')}</p>}
      {coordinatorScopes.length > 0 && <CoordinatorSummary planIds={coordinatorScopes} />}
      {focalPointScopes.length > 0 && <FocalPointJobs stakeholderIds={focalPointScopes} />}
      {focalPointScopes.map((id) => (
        <StakeholderCommitments key={id} stakeholderId={id} />
      ))}
      {monitorScopes.length > 0 && <MonitorJobs planIds={monitorScopes} />}
      <MyComments always={youthScopes.length > 0} />
    </Page>
  );
}
