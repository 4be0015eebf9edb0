import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formatDate } from '../i18n';
import { PAST } from '../cache';
import { QueryState } from '../components/QueryState';
import { Page } from '../components/Page';
import { useViewer } from '../viewer';
import { Accountability } from './PlanDashboard/Accountability';
import { CommitmentsTable } from './PlanDashboard/CommitmentsTable';
import { CoordinatorJobs } from './PlanDashboard/CoordinatorJobs';
import { FocalPointJobs } from './PlanDashboard/MakeCommitment';
import { MilestoneChart } from './PlanDashboard/MilestoneChart';
import { DASHBOARD, DASHBOARD_AS_OF } from './PlanDashboard/queries';
import { Timeline } from './PlanDashboard/Timeline';

/** A plan's dashboard: tracking figures by area and by kind of stakeholder, the deadline timeline, the commitments. */
export function PlanDashboard() {
  const { planId = '' } = useParams();
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const current = useQuery(DASHBOARD, { variables: { planId }, skip: asOf !== null });
  const past = useQuery(DASHBOARD_AS_OF, { variables: { planId, date: asOf ?? '' }, skip: asOf === null, ...PAST });
  const plan = asOf === null ? current.data?.plan : past.data?.plan?.asOf;
  const loading = asOf === null ? current.loading && !current.data : past.loading && !past.data;
  const error = current.error ?? past.error;
  const setAsOf = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('asOf', value);
    else next.delete('asOf');
    setParams(next, { replace: true });
  };

  const { isCoordinatorOf } = useViewer();

  return (
    <Page title={plan?.title ?? t('heading')}>
      <QueryState loading={loading} error={error}>
        {plan ? (
          <article aria-labelledby="plan-meta" className="dashboard">
            <p id="plan-meta">
              {plan.country} · {formatDate(plan.periodStart, i18n.language)} – {formatDate(plan.periodEnd, i18n.language)} ·{' '}
              <span className={`badge status-${plan.status}`}>{t(`common:status.${plan.status}`)}</span>
            </p>
            <div className="as-of">
              <label htmlFor="as-of">{t('asOf')}</label>
              <input
                id="as-of"
                type="date"
                value={asOf ?? ''}
                aria-describedby="as-of-help"
                onChange={(event) => setAsOf(event.target.value)}
              />
              <button type="button" onClick={() => setAsOf('')} disabled={asOf === null}>
                {t('today')}
              </button>
              <p id="as-of-help" className="muted">
                {asOf ? t('showingAsOf', { date: formatDate(asOf, i18n.language) }) : t('asOfHelp')}
              </p>
            </div>
            {asOf === null && isCoordinatorOf(planId) && <CoordinatorJobs planId={planId} />}
            {asOf === null && <FocalPointJobs planId={planId} />}
            <Accountability planId={planId} asOf={asOf} />
            <section aria-labelledby="by-area-heading">
              <h2 id="by-area-heading">{t('byArea')}</h2>
              <MilestoneChart
                label={t('area')}
                rows={plan.summary.byThematicAreaTracking.map((row) => ({ name: row.thematicArea.title, figures: row.figures }))}
              />
            </section>
            <section aria-labelledby="by-kind-heading">
              <h2 id="by-kind-heading">{t('byOwnerKind')}</h2>
              <MilestoneChart
                label={t('ownerKind')}
                rows={plan.summary.byOwnerKind.map((row) => ({ name: t(`common:stakeholderKind.${row.kind}`), figures: row.figures }))}
              />
            </section>
            <Timeline planId={planId} asAt={asOf} />
            {asOf === null && <CommitmentsTable planId={planId} areas={plan.thematicAreas} />}
          </article>
        ) : (
          <p>{asOf ? t('notYet', { date: formatDate(asOf, i18n.language) }) : t('common:app.notFound')}</p>
        )}
      </QueryState>
    </Page>
  );
}
