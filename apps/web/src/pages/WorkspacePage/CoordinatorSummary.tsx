import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { periodsToClose } from '../../jobs';
import { usePlatformToday } from '../../platform-date';

const COORDINATOR_JOBS = graphql(`
  query CoordinatorSummary($planId: ID!) {
    plan(id: $planId) {
      id
      title
      reportingPeriods {
        id
        end
        closed
      }
      commitments(first: 1, status: PROPOSED) {
        totalCount
      }
    }
    moderationQueue(planId: $planId) {
      id
    }
  }
`);

/** A coordinator's plans: commitments to activate, periods to close, comments to moderate. */
export function CoordinatorSummary({ planIds }: { planIds: readonly string[] }) {
  const { t } = useTranslation('workspace');
  return (
    <section aria-labelledby="coordinating-heading">
      <h2 id="coordinating-heading">{t('coordinating')}</h2>
      {planIds.map((planId) => (
        <CoordinatorPlan key={planId} planId={planId} />
      ))}
    </section>
  );
}

function CoordinatorPlan({ planId }: { planId: string }) {
  const { t } = useTranslation('workspace');
  const { data, loading, error } = useQuery(COORDINATOR_JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const headingId = `coordinating-${planId}`;
  const today = usePlatformToday();
  const toClose = periodsToClose(data?.plan?.reportingPeriods ?? [], today);
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{data?.plan ? <Link to={`/plans/${planId}`}>{data.plan.title}</Link> : t('plan')}</h3>
      <QueryState loading={loading && !data} error={error}>
        <ul className="plain">
          <li>
            <Link to={`/plans/${planId}#coordinator-heading`}>{t('toActivate', { count: data?.plan?.commitments.totalCount ?? 0 })}</Link>
          </li>
          <li>
            <Link to={`/plans/${planId}#close-heading`}>
              {t('toClose', { count: toClose.length, periods: toClose.map((p) => p.id).join(', ') })}
            </Link>
          </li>
          <li>
            <Link to={`/plans/${planId}/moderation`}>{t('toModerate', { count: data?.moderationQueue.length ?? 0 })}</Link>
          </li>
        </ul>
      </QueryState>
    </section>
  );
}
