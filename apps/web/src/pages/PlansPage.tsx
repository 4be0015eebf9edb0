import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { PlanStatus } from '../gql/graphql';
import { planHealth } from '../health';
import { formatDate, formatNumber } from '../i18n';
import { QueryState } from '../components/QueryState';

const PLANS = graphql(`
  query Plans($country: String, $status: PlanStatus) {
    plans(country: $country, status: $status, first: 100) {
      totalCount
      edges {
        node {
          id
          country
          title
          periodStart
          periodEnd
          status
        }
      }
    }
  }
`);

const PLAN_HEALTH = graphql(`
  query PlanHealth($planId: ID!) {
    plan(id: $planId) {
      id
      summary { byOwnerKind { figures { milestonesOverdue } } }
      stakeholders { id scorecard(planId: $planId) { compliance { owed onTime } } }
    }
  }
`);

/** The plan's one-line health: overdue milestones and reporting compliance, in words (never colour alone). */
function HealthLine({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const { data } = useQuery(PLAN_HEALTH, { variables: { planId } });
  if (!data?.plan) return <p className="health">{t('common:app.loading')}</p>;
  const health = planHealth({ byOwnerKind: data.plan.summary.byOwnerKind, stakeholders: data.plan.stakeholders });
  return (
    <p className="health">
      <span className={health.overdue > 0 ? 'warn' : 'ok'}>
        <span aria-hidden="true">{health.overdue > 0 ? '⚠ ' : '✓ '}</span>
        {health.overdue > 0 ? t('overdue', { count: health.overdue }) : t('noOverdue')}
      </span>
      {' · '}
      {health.compliance === null
        ? t('noCompliance')
        : t('compliance', { share: formatNumber(health.compliance, i18n.language, { style: 'percent', maximumFractionDigits: 0 }) })}
    </p>
  );
}

const STATUSES: PlanStatus[] = ['DRAFT', 'ADOPTED', 'CLOSED'];

export function PlansPage() {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const status = (params.get('status') ?? '') as PlanStatus | '';
  const { data, loading, error } = useQuery(PLANS, { variables: { country: country || null, status: status || null } });
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const plans = data?.plans.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="plans-heading">
      <h1 id="plans-heading">{t('heading')}</h1>
      <form className="filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('country')}
          <input value={country} maxLength={2} placeholder="NL" onChange={(event) => setFilter('country', event.target.value.toUpperCase())} />
        </label>
        <label>
          {t('status')}
          <select value={status} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">{t('any')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`common:status.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryState loading={loading && !data} error={error}>
        <p role="status">{t('count', { count: data?.plans.totalCount ?? 0 })}</p>
        {plans.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className="plan-list">
            {plans.map((plan) => (
                <li key={plan.id} className="card">
                  <h2>
                    <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
                  </h2>
                  <p>
                    <span className="country">{plan.country}</span> · {t('period', { start: formatDate(plan.periodStart, i18n.language), end: formatDate(plan.periodEnd, i18n.language) })} ·{' '}
                    <span className={`badge status-${plan.status}`}>{t(`common:status.${plan.status}`)}</span>
                  </p>
                  <HealthLine planId={plan.id} />
                </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
