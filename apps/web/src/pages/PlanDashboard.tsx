import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../gql';
import type { CommitmentStatus, StakeholderKind, TrackingFiguresFieldsFragment } from '../gql/graphql';
import { timelineOrder } from '../deadlines';
import { formatDate, formatNumber } from '../i18n';
import { QueryState } from '../components/QueryState';
import { Page } from '../components/Page';
import { useViewer } from '../viewer';
import { Accountability } from './PlanDashboard/Accountability';
import { CoordinatorJobs } from './PlanDashboard/CoordinatorJobs';
import { FocalPointJobs } from './PlanDashboard/MakeCommitment';

graphql(`
  fragment TrackingFiguresFields on TrackingFigures {
    commitmentsByStatus { status count }
    milestonesOnTime
    milestonesLate
    milestonesOverdue
    verifiedShare
    atRisk
  }
`);

graphql(`
  fragment DashboardPlanFields on ActionPlan {
    id
    title
    country
    status
    periodStart
    periodEnd
    thematicAreas { code title }
    summary {
      total
      byThematicAreaTracking { thematicArea { code title } figures { ...TrackingFiguresFields } }
      byOwnerKind { kind figures { ...TrackingFiguresFields } }
    }
  }
`);

const DASHBOARD = graphql(`
  query PlanDashboard($planId: ID!) {
    plan(id: $planId) { ...DashboardPlanFields }
  }
`);

const DASHBOARD_AS_OF = graphql(`
  query PlanDashboardAsOf($planId: ID!, $date: LocalDate!) {
    plan(id: $planId) { id asOf(date: $date) { ...DashboardPlanFields } }
  }
`);

const DEADLINES = graphql(`
  query PlanDeadlines($planId: ID!, $asAt: LocalDate) {
    deadlines(planId: $planId, asAt: $asAt) {
      kind
      id
      title
      dueDate
      originalDueDate
      completedOn
      moves
      daysMoved
      status
      commitment { id title owner { id name } }
    }
  }
`);

const COMMITMENTS = graphql(`
  query PlanCommitments($planId: ID!, $after: String, $thematicArea: String, $status: CommitmentStatus, $ownerKind: StakeholderKind) {
    plan(id: $planId) {
      id
      commitments(first: 20, after: $after, thematicArea: $thematicArea, status: $status, ownerKind: $ownerKind) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id title status dueDate thematicArea { code } owner { id name kind } } }
      }
    }
  }
`);

/** Colours of the charts; each series is also named in the legend and the table beside it, never by colour alone. */
const COLOURS = { onTime: '#1b7f3b', late: '#946200', overdue: '#b3261e', commitments: '#2857a4' };

function MilestoneChart({ rows, label }: { rows: { name: string; figures: TrackingFiguresFieldsFragment }[]; label: string }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const data = rows.map((row) => ({ name: row.name, onTime: row.figures.milestonesOnTime, late: row.figures.milestonesLate, overdue: row.figures.milestonesOverdue }));
  return (
    <>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ left: 0, right: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="onTime" name={t('onTime')} stackId="m" fill={COLOURS.onTime} isAnimationActive={false} />
            <Bar dataKey="late" name={t('late')} stackId="m" fill={COLOURS.late} isAnimationActive={false} />
            <Bar dataKey="overdue" name={t('overdue')} stackId="m" fill={COLOURS.overdue} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll" role="region" tabIndex={0} aria-label={t('tableOf', { label })}>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">{t('commitments')}</th>
            <th scope="col">{t('onTime')}</th>
            <th scope="col">{t('late')}</th>
            <th scope="col">{t('overdue')}</th>
            <th scope="col">{t('verified')}</th>
            <th scope="col">{t('atRisk')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>
                {row.figures.commitmentsByStatus.reduce((sum, s) => sum + s.count, 0)}
                {row.figures.commitmentsByStatus.length > 0 && (
                  <span className="muted">
                    {' '}
                    ({row.figures.commitmentsByStatus.map((s) => `${t(`common:status.${s.status}`)} ${s.count}`).join(', ')})
                  </span>
                )}
              </td>
              <td>{row.figures.milestonesOnTime}</td>
              <td>{row.figures.milestonesLate}</td>
              <td>{row.figures.milestonesOverdue}</td>
              <td>{row.figures.verifiedShare === null || row.figures.verifiedShare === undefined ? t('none') : formatNumber(row.figures.verifiedShare, i18n.language, { style: 'percent', maximumFractionDigits: 0 })}</td>
              <td>{row.figures.atRisk}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}

function Timeline({ planId, asAt }: { planId: string; asAt: string | null }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const { data, loading, error } = useQuery(DEADLINES, { variables: { planId, asAt } });
  const items = timelineOrder(data?.deadlines ?? []);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline')}</h2>
      <QueryState loading={loading && !data} error={error}>
        {items.length === 0 ? (
          <p>{t('noDeadlines')}</p>
        ) : (
          <ol className="timeline">
            {items.map((item) => (
              <li key={`${item.kind}-${item.id}`} className={`deadline deadline-${item.status}`}>
                <span className={`badge deadline-${item.status}`}>{t(`common:deadline.${item.status}`)}</span>{' '}
                <span className="kind">{t(`common:kind.${item.kind}`)}</span>:{' '}
                <strong>{item.kind === 'MILESTONE' ? <Link to={`/milestones/${item.id}`}>{item.title}</Link> : item.kind === 'COMMITMENT' ? <Link to={`/commitments/${item.id}`}>{item.title}</Link> : item.title}</strong>
                {item.kind !== 'COMMITMENT' && <> — {item.commitment.title}</>} · {item.commitment.owner.name} · {t('due', { date: formatDate(item.dueDate, i18n.language) })}
                {item.moves > 0 && <> · {t('moved', { count: item.moves, days: item.daysMoved })}</>}
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}

const COMMITMENT_STATUSES: CommitmentStatus[] = ['PROPOSED', 'ACTIVE', 'COMPLETED', 'WITHDRAWN'];
const OWNER_KINDS: StakeholderKind[] = ['GOVERNMENT', 'PRIVATE_SECTOR', 'NGO', 'YOUTH_PANEL', 'INTERGOVERNMENTAL', 'LAW_ENFORCEMENT', 'ACADEMIC', 'OTHER'];

function CommitmentsTable({ planId, areas }: { planId: string; areas: readonly { code: string; title: string }[] }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const [thematicArea, setThematicArea] = useState('');
  const [status, setStatus] = useState<CommitmentStatus | ''>('');
  const [ownerKind, setOwnerKind] = useState<StakeholderKind | ''>('');
  const { data, loading, error, fetchMore } = useQuery(COMMITMENTS, {
    variables: { planId, thematicArea: thematicArea || null, status: status || null, ownerKind: ownerKind || null },
  });
  const connection = data?.plan?.commitments;
  const more = () =>
    void fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.plan || !fetchMoreResult.plan) return previous;
        return {
          ...fetchMoreResult,
          plan: { ...fetchMoreResult.plan, commitments: { ...fetchMoreResult.plan.commitments, edges: [...previous.plan.commitments.edges, ...fetchMoreResult.plan.commitments.edges] } },
        };
      },
    });
  return (
    <section aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">{t('table')}</h2>
      <div className="filters">
        <label>
          {t('filterArea')}
          <select value={thematicArea} onChange={(event) => setThematicArea(event.target.value)}>
            <option value="">{t('any')}</option>
            {areas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterStatus')}
          <select value={status} onChange={(event) => setStatus(event.target.value as CommitmentStatus | '')}>
            <option value="">{t('any')}</option>
            {COMMITMENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`common:status.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterOwnerKind')}
          <select value={ownerKind} onChange={(event) => setOwnerKind(event.target.value as StakeholderKind | '')}>
            <option value="">{t('any')}</option>
            {OWNER_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`common:stakeholderKind.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState loading={loading && !data} error={error}>
        <p role="status">{t('count', { count: connection?.totalCount ?? 0 })}</p>
        <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="commitments-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('title')}</th>
                <th scope="col">{t('owner')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('dueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {connection?.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/commitments/${node.id}`}>{node.title}</Link>
                  </td>
                  <td>
                    {node.owner.name} <span className="muted">({t(`common:stakeholderKind.${node.owner.kind}`)})</span>
                  </td>
                  <td>{t(`common:status.${node.status}`)}</td>
                  <td>{formatDate(node.dueDate, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {connection?.pageInfo.hasNextPage && (
          <button type="button" onClick={more}>
            {t('more')}
          </button>
        )}
      </QueryState>
    </section>
  );
}

/** A plan's dashboard: tracking figures by area and by kind of stakeholder, the deadline timeline, the commitments. */
export function PlanDashboard() {
  const { planId = '' } = useParams();
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const current = useQuery(DASHBOARD, { variables: { planId }, skip: asOf !== null });
  const past = useQuery(DASHBOARD_AS_OF, { variables: { planId, date: asOf ?? '' }, skip: asOf === null });
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
              <input id="as-of" type="date" value={asOf ?? ''} aria-describedby="as-of-help" onChange={(event) => setAsOf(event.target.value)} />
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
              <MilestoneChart label={t('area')} rows={plan.summary.byThematicAreaTracking.map((row) => ({ name: row.thematicArea.title, figures: row.figures }))} />
            </section>
            <section aria-labelledby="by-kind-heading">
              <h2 id="by-kind-heading">{t('byOwnerKind')}</h2>
              <MilestoneChart label={t('ownerKind')} rows={plan.summary.byOwnerKind.map((row) => ({ name: t(`common:stakeholderKind.${row.kind}`), figures: row.figures }))} />
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
