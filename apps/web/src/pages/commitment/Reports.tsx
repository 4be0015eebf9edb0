import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Field } from '../../components/Field';
import { FormOutcome, useForm } from '../../forms';
import { formatDate, formatNumber } from '../../i18n';
import { DISPUTE, type Commitment, type Report, VERIFY } from './queries';
import { chartPoints, independence, type PeriodRow } from './rules';
import { commandOn, WriteForm } from './WriteForm';

const percentText = (value: number | null | undefined, language: string) =>
  value === null || value === undefined ? null : formatNumber(value / 100, language, { style: 'percent', maximumFractionDigits: 1 });

/**
 * A monitor's two judgements on a standing report: verify (with an optional note) or dispute (with a reason). A form
 * goes once the report carries its judgement; its confirmation stays where the form was, and the other form forgets
 * what it said last.
 */
export function Judge({ commitment, report, reload }: { commitment: Commitment; report: Report; reload: () => Promise<unknown> }) {
  const { t } = useTranslation(['commitment', 'errors']);
  const verifyForm = useForm();
  const disputeForm = useForm();
  const [verify] = useMutation(VERIFY);
  const [dispute] = useMutation(DISPUTE);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const sendVerify = async () => {
    const input = { ...commandOn(commitment), reportId: report.id, ...(note.trim() ? { note: note.trim() } : {}) };
    if (await verifyForm.run(() => verify({ variables: { input } }), t('verified', { period: report.period }))) {
      setNote('');
      disputeForm.reset();
      await reload();
    }
  };
  const sendDispute = async () => {
    if (!reason.trim()) return disputeForm.refuse({ reason: t('errors:field.required') });
    const input = { ...commandOn(commitment), reportId: report.id, reason: reason.trim() };
    if (await disputeForm.run(() => dispute({ variables: { input } }), t('disputed', { period: report.period }))) {
      setReason('');
      verifyForm.reset();
      await reload();
    }
  };
  return (
    <div className="judge">
      {report.verification === 'VERIFIED' ? (
        <FormOutcome form={verifyForm} />
      ) : (
        <WriteForm
          level={4}
          title={t('verifyReport', { period: report.period })}
          form={verifyForm}
          onSubmit={sendVerify}
          reload={reload}
          submit={t('verify')}
        >
          <Field label={t('verifyNote')} error={verifyForm.fieldError('note')}>
            {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
        </WriteForm>
      )}
      {report.verification === 'DISPUTED' ? (
        <FormOutcome form={disputeForm} />
      ) : (
        <WriteForm
          level={4}
          title={t('disputeReport', { period: report.period })}
          form={disputeForm}
          onSubmit={sendDispute}
          reload={reload}
          submit={t('dispute')}
        >
          <Field label={t('disputeReason')} error={disputeForm.fieldError('reason')}>
            {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </WriteForm>
      )}
    </div>
  );
}

/** One report: its figures, narrative, evidence and verification, and what it counts for. */
function ReportItem({
  commitment,
  report,
  monitor,
  contributor,
  onCorrect,
  reload,
}: {
  commitment: Commitment;
  report: Report;
  monitor: boolean;
  contributor: boolean;
  onCorrect: (period: string) => void;
  reload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation('commitment');
  const language = i18n.language;
  const standing = !report.supersededBy;
  const counts = independence(report);
  const percent = percentText(report.percentComplete, language);
  return (
    <li className={`report card${standing ? '' : ' superseded'}`}>
      <p>
        <strong>{percent ?? t('noPercent')}</strong>
        {report.indicatorValue !== null && report.indicatorValue !== undefined && (
          <> · {t('indicatorReported', { value: formatNumber(report.indicatorValue, language), unit: commitment.target.unit })}</>
        )}{' '}
        · {t('reportedOnDate', { date: formatDate(report.reportedOn, language) })}
        {report.late && <> · {t('late')}</>}
        {report.corrects && <> · {t('isCorrection')}</>}
        {!standing && <> · {t('correctedLater')}</>}
      </p>
      <p>{report.narrative ?? <span className="muted">{t('notShown')}</span>}</p>
      <dl className="report-facts">
        <dt>{t('evidence')}</dt>
        <dd>{t(`evidenceTypes.${report.evidenceType}`)}</dd>
        <dt>{t('verification')}</dt>
        <dd>
          <span className={`badge verification-${report.verification}`}>{t(`verifications.${report.verification}`)}</span>
          {report.verificationNote && <> {report.verificationNote}</>}
        </dd>
        <dt>{t('independent')}</dt>
        <dd>{t(`independence.${counts}`)}</dd>
        {report.evidenceLinks.length > 0 && (
          <>
            <dt>{t('evidenceLinksShown')}</dt>
            <dd>
              <ul className="links">
                {report.evidenceLinks.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noreferrer noopener" target="_blank">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {standing && contributor && (
        <button type="button" onClick={() => onCorrect(report.period)}>
          {t('correctReport', { period: report.period })}
        </button>
      )}
      {standing && monitor && <Judge commitment={commitment} report={report} reload={reload} />}
    </li>
  );
}

/** Progress by reporting period: the chart (a gap where a report is missing), then each period's reports or its absence. */
export function Reports({
  commitment,
  rows,
  monitor,
  contributor,
  onCorrect,
  reload,
}: {
  commitment: Commitment;
  rows: readonly PeriodRow<Report>[];
  monitor: boolean;
  contributor: boolean;
  onCorrect: (period: string) => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation('commitment');
  const points = chartPoints(rows);
  const standing = commitment.progressReports.filter((report) => !report.supersededBy);
  const verified = standing.filter((report) => ['MONITOR_VERIFIED', 'EVIDENCE'].includes(independence(report))).length;
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('progress')}</h2>
      {points.some((point) => point.percent !== null) && (
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={points} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" />
              <YAxis domain={[0, 100]} unit="%" />
              <Tooltip />
              <Line dataKey="percent" name={t('percent')} stroke="#2857a4" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {standing.length > 0 && <p>{t('verifiedShare', { count: standing.length, verified })}</p>}
      {rows.length === 0 ? (
        <p>{t('noReports')}</p>
      ) : (
        <ul className="plain periods">
          {rows.map((row) => (
            <li key={row.period}>
              <h3 id={`period-${row.period}`}>
                {row.period}
                {row.kind === 'missing' && (
                  <>
                    {' '}
                    <span className="badge warn">{t('missing')}</span>
                  </>
                )}
              </h3>
              {row.kind === 'missing' ? (
                <p>{t('missingExplained', { period: row.period })}</p>
              ) : (
                <ul className="plain">
                  {row.reports.map((report) => (
                    <ReportItem
                      key={report.id}
                      commitment={commitment}
                      report={report}
                      monitor={monitor}
                      contributor={contributor}
                      onCorrect={onCorrect}
                      reload={reload}
                    />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
