import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackingFiguresFieldsFragment } from '../../gql/graphql';
import { formatNumber } from '../../i18n';

// The chart (and the charting library, the largest script of the dashboard) comes after the figures: the table beside
// it says the same, and is on screen first.
const MilestoneBars = lazy(() => import('./MilestoneBars'));

/** Milestone figures per row (thematic area, kind of stakeholder): a chart for the eye, and a table that says it all. */
export function MilestoneChart({ rows, label }: { rows: { name: string; figures: TrackingFiguresFieldsFragment }[]; label: string }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const data = rows.map((row) => ({
    name: row.name,
    onTime: row.figures.milestonesOnTime,
    late: row.figures.milestonesLate,
    overdue: row.figures.milestonesOverdue,
  }));
  return (
    <>
      <div className="chart" aria-hidden="true">
        <Suspense fallback={null}>
          <MilestoneBars data={data} />
        </Suspense>
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
                <td>
                  {row.figures.verifiedShare === null || row.figures.verifiedShare === undefined
                    ? t('none')
                    : formatNumber(row.figures.verifiedShare, i18n.language, { style: 'percent', maximumFractionDigits: 0 })}
                </td>
                <td>{row.figures.atRisk}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
