import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../i18n';
import { waitingForVerdict } from '../../jobs';

const MONITOR_JOBS = graphql(`
  query MonitorJobs($planId: ID!) {
    plan(id: $planId) {
      id
      title
      commitments(first: 100) {
        edges {
          node {
            id
            title
            owner {
              id
              name
            }
            progressReports {
              id
              period
              verification
              supersededBy
              reportedOn
            }
          }
        }
      }
    }
  }
`);

/** A monitor's plans: the standing reports no monitor has verified or disputed yet. */
export function MonitorJobs({ planIds }: { planIds: readonly string[] }) {
  const { t } = useTranslation('workspace');
  return (
    <section aria-labelledby="monitor-heading">
      <h2 id="monitor-heading">{t('monitorHeading')}</h2>
      {planIds.map((planId) => (
        <MonitorPlan key={planId} planId={planId} />
      ))}
    </section>
  );
}

function MonitorPlan({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation('workspace');
  const { data, loading, error } = useQuery(MONITOR_JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const waiting = waitingForVerdict(data?.plan?.commitments.edges.map((e) => e.node) ?? []);
  const headingId = `monitor-${planId}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{data?.plan ? <Link to={`/plans/${planId}`}>{data.plan.title}</Link> : t('plan')}</h3>
      <QueryState loading={loading && !data} error={error}>
        <p>{t('waitingVerdict', { count: waiting.length })}</p>
        {waiting.length > 0 && (
          <ul className="plain">
            {waiting.map(({ commitment, report }) => (
              <li key={report.id}>
                <Link to={`/commitments/${commitment.id}`}>{commitment.title}</Link> · {commitment.owner.name} ·{' '}
                {t('reportFor', { period: report.period })}
                {'reportedOn' in report && typeof report.reportedOn === 'string' && (
                  <> · {t('reportedOn', { date: formatDate(report.reportedOn, i18n.language) })}</>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
