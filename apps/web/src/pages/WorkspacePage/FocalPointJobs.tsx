import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../i18n';
import { missingReports } from '../../jobs';

const PLANS = graphql(`
  query WorkspacePlans {
    plans(first: 100) {
      edges {
        node {
          id
          title
          status
          stakeholders {
            id
            name
          }
        }
      }
    }
  }
`);

const FOCAL_POINT_JOBS = graphql(`
  query FocalPointJobs($planId: ID!) {
    deadlines(planId: $planId, statuses: [OVERDUE, DUE_SOON]) {
      kind
      id
      title
      dueDate
      status
      commitment {
        id
        title
        owner {
          id
          name
        }
      }
    }
    plan(id: $planId) {
      id
      stakeholders {
        id
        name
        scorecard(planId: $planId) {
          compliance {
            period
            missing {
              commitment {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`);

/** A focal point's plans: for the stakeholders they speak for, what is overdue, due soon, and the reports owed for ended periods. */
export function FocalPointJobs({ stakeholderIds }: { stakeholderIds: readonly string[] }) {
  const { t } = useTranslation('workspace');
  const { data, loading, error } = useQuery(PLANS);
  const mine = new Set(stakeholderIds);
  const plans = (data?.plans.edges ?? []).map((e) => e.node).filter((plan) => plan.stakeholders.some((s) => mine.has(s.id)));
  return (
    <section aria-labelledby="focal-heading">
      <h2 id="focal-heading">{t('focalHeading')}</h2>
      <QueryState loading={loading && !data} error={error}>
        {plans.length === 0 ? (
          <p>{t('noPlans')}</p>
        ) : (
          plans.map((plan) => (
            <FocalPointPlan
              key={plan.id}
              planId={plan.id}
              title={plan.title}
              open={plan.status === 'ADOPTED'}
              stakeholderIds={stakeholderIds}
            />
          ))
        )}
      </QueryState>
    </section>
  );
}

function FocalPointPlan({
  planId,
  title,
  open,
  stakeholderIds,
}: {
  planId: string;
  title: string;
  open: boolean;
  stakeholderIds: readonly string[];
}) {
  const { t, i18n } = useTranslation(['workspace', 'common']);
  const { data, loading, error } = useQuery(FOCAL_POINT_JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const mine = new Set(stakeholderIds);
  const deadlines = (data?.deadlines ?? []).filter((d) => mine.has(d.commitment.owner.id));
  const overdue = deadlines.filter((d) => d.status === 'OVERDUE');
  const dueSoon = deadlines.filter((d) => d.status === 'DUE_SOON');
  const owed = missingReports((data?.plan?.stakeholders ?? []).filter((s) => mine.has(s.id)));
  const headingId = `focal-${planId}`;
  const item = (d: (typeof deadlines)[number]) => (
    <li key={`${d.kind}-${d.id}`}>
      {t(`common:kind.${d.kind}`)}:{' '}
      {d.kind === 'MILESTONE' ? (
        <Link to={`/milestones/${d.id}`}>{d.title}</Link>
      ) : d.kind === 'COMMITMENT' ? (
        <Link to={`/commitments/${d.id}`}>{d.title}</Link>
      ) : (
        d.title
      )}
      {d.kind !== 'COMMITMENT' && (
        <>
          {' '}
          — <Link to={`/commitments/${d.commitment.id}`}>{d.commitment.title}</Link>
        </>
      )}{' '}
      · {t('dueOn', { date: formatDate(d.dueDate, i18n.language) })}
    </li>
  );
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>
        <Link to={`/plans/${planId}`}>{title}</Link>
      </h3>
      {open && (
        <p>
          <Link to={`/plans/${planId}#focal-point-heading`}>{t('makeCommitment')}</Link>
        </p>
      )}
      <QueryState loading={loading && !data} error={error}>
        <h4>{t('overdue', { count: overdue.length })}</h4>
        {overdue.length > 0 && <ul className="plain">{overdue.map(item)}</ul>}
        <h4>{t('dueSoon', { count: dueSoon.length })}</h4>
        {dueSoon.length > 0 && <ul className="plain">{dueSoon.map(item)}</ul>}
        <h4>{t('owed', { count: owed.length })}</h4>
        {owed.length > 0 && (
          <ul className="plain">
            {owed.map((m) => (
              <li key={`${m.period}-${m.commitmentId}`}>
                {t('owedItem', { period: m.period })} <Link to={`/commitments/${m.commitmentId}`}>{m.commitment}</Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
