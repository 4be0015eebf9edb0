import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PAST } from '../../cache';
import { QueryState } from '../../components/QueryState';
import { timelineOrder } from '../../deadlines';
import { formatDate } from '../../i18n';
import { DEADLINES } from './queries';

/** The plan's deadlines, overdue first (as if today were `asAt`, when given). */
export function Timeline({ planId, asAt }: { planId: string; asAt: string | null }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const { data, loading, error } = useQuery(DEADLINES, { variables: { planId, asAt }, ...(asAt ? PAST : {}) });
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
                <strong>
                  {item.kind === 'MILESTONE' ? (
                    <Link to={`/milestones/${item.id}`}>{item.title}</Link>
                  ) : item.kind === 'COMMITMENT' ? (
                    <Link to={`/commitments/${item.id}`}>{item.title}</Link>
                  ) : (
                    item.title
                  )}
                </strong>
                {item.kind !== 'COMMITMENT' && <> — {item.commitment.title}</>} · {item.commitment.owner.name} ·{' '}
                {t('due', { date: formatDate(item.dueDate, i18n.language) })}
                {item.moves > 0 && <> · {t('moved', { count: item.moves, days: item.daysMoved })}</>}
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
