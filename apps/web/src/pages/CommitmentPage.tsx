import { useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { formatDate, formatNumber } from '../i18n';
import { useViewer } from '../viewer';
import { History } from './commitment/History';
import { Lifecycle } from './commitment/Lifecycle';
import { type Commitment, COMMITMENT, STANDING } from './commitment/queries';
import { ReportForm } from './commitment/ReportForm';
import { Reports } from './commitment/Reports';
import { defaultPeriod, jobsOf, periodRows, standingByPeriod, startedPeriods } from './commitment/rules';
import { Work } from './commitment/Work';
import { usePlatformToday } from '../platform-date';

/** Whether the commitment is at risk by the api's rule, and why (expected against reported). */
function Standing({
  commitment,
  atRisk,
}: {
  commitment: Commitment;
  atRisk: { expectedPercent: number; reportedPercent?: number | null } | null | undefined;
}) {
  const { t, i18n } = useTranslation('commitment');
  const percent = (value: number) => formatNumber(value / 100, i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  if (commitment.status !== 'ACTIVE' && commitment.status !== 'PROPOSED') return null;
  if (atRisk === undefined) return null;
  if (atRisk === null) return <p className="ok">{t('notAtRisk')}</p>;
  return (
    <p className="warn">
      <strong>{t('atRisk')}</strong>{' '}
      {atRisk.reportedPercent === null || atRisk.reportedPercent === undefined
        ? t('atRiskSilent', { expected: percent(atRisk.expectedPercent) })
        : t('atRiskBehind', { expected: percent(atRisk.expectedPercent), reported: percent(atRisk.reportedPercent) })}
    </p>
  );
}

function CommitmentView({
  commitment,
  history,
  reload,
}: {
  commitment: Commitment;
  history: Parameters<typeof History>[0]['entries'];
  reload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation(['commitment', 'common']);
  const { viewer } = useViewer();
  const date = (value: string) => formatDate(value, i18n.language);
  const standingQuery = useQuery(STANDING, { variables: { planId: commitment.plan.id, ownerId: commitment.owner.id } });
  const jobs = jobsOf(viewer?.roles ?? [], {
    planId: commitment.plan.id,
    ownerId: commitment.owner.id,
    coOwnerIds: commitment.coOwners.map((c) => c.id),
  });
  const reloadAll = () => Promise.all([reload(), standingQuery.refetch()]);

  const periods = commitment.plan.reportingPeriods;
  const today = usePlatformToday();
  const offered = startedPeriods(periods, today);
  const reported = new Set(standingByPeriod(commitment.progressReports).keys());
  // The period the reader chose, else the one the form starts on (reckoned from the platform's date once it is known).
  const [chosen, setPeriod] = useState<string | null>(null);
  const period = chosen ?? defaultPeriod(periods, reported, today) ?? '';
  const periodRef = useRef<HTMLSelectElement>(null);
  const missing = new Set(
    standingQuery.data?.stakeholder?.scorecard.compliance
      .filter((c) => c.missing.some((m) => m.commitment.id === commitment.id))
      .map((c) => c.period) ?? [],
  );
  const rows = periodRows(periods, commitment.progressReports, missing);
  const risk = standingQuery.data?.plan?.summary.byThematicAreaTracking
    .flatMap((area) => area.figures.atRiskCommitments)
    .find((c) => c.commitment.id === commitment.id);
  const atRisk = standingQuery.data ? (risk ?? null) : undefined;

  const planClosed = commitment.plan.status === 'CLOSED';
  // Only a commitment a coordinator activated takes reports (also once completed or withdrawn, for the periods it owes).
  const activated =
    commitment.status === 'ACTIVE' || commitment.status === 'COMPLETED' || history.some((entry) => entry.type === 'CommitmentActivated');
  const open = commitment.status === 'PROPOSED' || commitment.status === 'ACTIVE';
  const correct = (id: string) => {
    setPeriod(id);
    periodRef.current?.focus();
  };

  return (
    <Page title={commitment.title}>
      <p>
        <Link to={`/plans/${commitment.plan.id}`}>{commitment.plan.title}</Link>
      </p>
      <p>{commitment.description}</p>
      <p>
        {commitment.owner.name}
        {commitment.coOwners.length > 0 && <> ({t('withCoOwners', { names: commitment.coOwners.map((c) => c.name).join(', ') })})</>} ·{' '}
        {commitment.thematicArea.title} · <span className="badge">{t(`common:status.${commitment.status}`)}</span> ·{' '}
        {t('due', { date: date(commitment.dueDate) })}
        {commitment.completedOn && <> · {t('doneOn', { date: date(commitment.completedOn) })}</>}
      </p>
      {commitment.withdrawalReason && <p>{t('withdrawnBecause', { reason: commitment.withdrawalReason })}</p>}
      <p>
        {t('target', {
          indicator: commitment.target.indicator,
          baseline: formatNumber(commitment.target.baseline, i18n.language),
          target: formatNumber(commitment.target.targetValue, i18n.language),
          unit: commitment.target.unit,
        })}
      </p>
      <Standing commitment={commitment} atRisk={atRisk} />
      {planClosed && <p className="notice">{t('planClosed')}</p>}

      <Reports
        commitment={commitment}
        rows={rows}
        monitor={jobs.monitor && !planClosed}
        contributor={jobs.contributor && !planClosed && activated}
        onCorrect={correct}
        reload={reloadAll}
      />

      {jobs.contributor && !planClosed && (
        <section aria-labelledby="report-section-heading" className="workspace">
          <h2 id="report-section-heading">{t('yourReport')}</h2>
          {!activated ? (
            <p className="notice">{t(commitment.status === 'PROPOSED' ? 'notActiveYet' : 'neverActivated')}</p>
          ) : (
            <ReportForm
              commitment={commitment}
              periods={offered.length > 0 ? offered : periods}
              period={period}
              onPeriod={setPeriod}
              periodRef={periodRef}
              reload={reloadAll}
            />
          )}
        </section>
      )}

      <Work commitment={commitment} owner={jobs.owner} contributor={jobs.contributor} writable={open && !planClosed} reload={reloadAll} />

      {jobs.owner && !planClosed && <Lifecycle commitment={commitment} open={open} reload={reloadAll} />}

      <History commitment={commitment} entries={history} />
    </Page>
  );
}

/** A commitment: target and progress by period, milestones and tasks, reports and their verification, the audit trail. */
export function CommitmentPage() {
  const { commitmentId = '' } = useParams();
  const { t } = useTranslation('common');
  const { data, loading, error, refetch } = useQuery(COMMITMENT, { variables: { id: commitmentId } });
  const commitment = data?.commitment;
  return (
    <QueryState loading={loading && !data} error={error}>
      {!commitment ? (
        <Page title={t('app.notFound')} />
      ) : (
        <CommitmentView key={commitment.id} commitment={commitment} history={data.history} reload={() => refetch()} />
      )}
    </QueryState>
  );
}
