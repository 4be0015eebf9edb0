import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../i18n';
import { auditSentence, namesIn } from './audit';
import type { Commitment, HistoryRow } from './queries';

/** The audit trail, oldest first, one sentence per event in the reader's language. */
export function History({ commitment, entries }: { commitment: Commitment; entries: readonly HistoryRow[] }) {
  const { t, i18n } = useTranslation(['audit', 'commitment']);
  const language = i18n.language;
  const names = namesIn(entries);
  for (const m of commitment.milestones) if (!names.milestones.has(m.id)) names.milestones.set(m.id, m.title);
  for (const task of commitment.tasks) if (!names.tasks.has(task.id)) names.tasks.set(task.id, task.title);
  for (const r of commitment.progressReports) if (!names.reports.has(r.id)) names.reports.set(r.id, r.period);
  const wording = {
    t: (key: string, values?: Record<string, unknown>) => t(key, values ?? {}),
    date: (day: string) => (day ? formatDate(day.slice(0, 10), language) : ''),
    number: (value: number) => formatNumber(value, language),
    percent: (value: number) => formatNumber(value / 100, language, { style: 'percent', maximumFractionDigits: 1 }),
    stakeholders: new Map([...commitment.plan.stakeholders, commitment.owner].map((s) => [s.id, s.name])),
  };
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('commitment:history')}</h2>
      <ol className="plain history">
        {entries.map((entry) => (
          <li key={entry.position}>
            <time dateTime={entry.at}>{formatDate(entry.at.slice(0, 10), language)}</time> — {auditSentence(entry, names, wording)}
          </li>
        ))}
      </ol>
    </section>
  );
}
