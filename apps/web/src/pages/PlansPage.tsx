import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PlanStatus } from '../gql/graphql';
import { type HealthInput, planHealth } from '../health';
import { formatDate, formatNumber } from '../i18n';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { plansVariables } from '../page-queries';
import { PLANS } from './plans-query';

/** The plan's one-line health: overdue milestones and reporting compliance, in words (never colour alone). */
function HealthLine({ summary }: { summary: HealthInput }) {
  const { t, i18n } = useTranslation('plans');
  const health = planHealth(summary);
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

/** What the platform is, and who runs this instance (`OPERATOR_NAME` on the api). */
function About({ operator }: { operator: string | null | undefined }) {
  const { t } = useTranslation('plans');
  return (
    <div className="about">
      <p>{t('about')}</p>
      <p className="muted">{operator ? t('operatedBy', { operator }) : t('operatorUnknown')}</p>
    </div>
  );
}

const STATUSES: PlanStatus[] = ['DRAFT', 'ADOPTED', 'CLOSED'];

export function PlansPage() {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const status = (params.get('status') ?? '') as PlanStatus | '';
  const result = useQuery(PLANS, { variables: plansVariables(params) });
  const { data, loading, error, refetch, fetchMore } = result;
  const [more, setMore] = useState(false);
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const plans = data?.plans.edges.map((edge) => edge.node) ?? [];
  const showMore = () => {
    setMore(true);
    void fetchMore({ variables: { after: data?.plans.pageInfo.endCursor ?? null } })
      .catch(() => undefined)
      .finally(() => setMore(false));
  };

  return (
    <Page title={t('heading')} className="plans-page">
      <About operator={data?.serverInfo.operator} />
      <form className="filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('country')}
          <input
            value={country}
            maxLength={2}
            placeholder="NL"
            onChange={(event) => setFilter('country', event.target.value.toUpperCase())}
          />
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
      <QueryState loading={loading} error={error} data={data} refetch={refetch}>
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
                  <span className="country">{plan.country}</span> ·{' '}
                  {t('period', { start: formatDate(plan.periodStart, i18n.language), end: formatDate(plan.periodEnd, i18n.language) })} ·{' '}
                  <span className={`badge status-${plan.status}`}>{t(`common:status.${plan.status}`)}</span>
                </p>
                <HealthLine summary={plan.summary} />
              </li>
            ))}
          </ul>
        )}
        {data?.plans.pageInfo.hasNextPage && (
          <p>
            <button type="button" onClick={showMore} disabled={more}>
              {more ? t('common:app.loading') : t('more', { shown: plans.length, total: data.plans.totalCount })}
            </button>
          </p>
        )}
      </QueryState>
    </Page>
  );
}
