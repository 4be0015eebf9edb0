import { type RefObject, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { EvidenceType, Visibility } from '../../gql/graphql';
import { Field } from '../../components/Field';
import { useForm } from '../../forms';
import { type Commitment, REPORT } from './queries';
import { type Period, standingByPeriod } from './rules';
import { commandOn, WriteForm } from './WriteForm';

const VISIBILITIES: Visibility[] = ['PUBLIC', 'PARTNERS', 'RESTRICTED'];
const EVIDENCE: EvidenceType[] = ['SELF_REPORTED', 'INDEPENDENTLY_VERIFIED', 'INSPECTION'];

/**
 * Report progress for one of the plan's periods (those that have begun); a period that already has a report gets a
 * correction of it. The period is chosen by the page, so "Correct this report" can bring the reader here.
 */
export function ReportForm({
  commitment,
  periods,
  period,
  onPeriod,
  periodRef,
  reload,
}: {
  commitment: Commitment;
  periods: readonly Period[];
  period: string;
  onPeriod: (period: string) => void;
  periodRef: RefObject<HTMLSelectElement | null>;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation(['commitment', 'errors']);
  const form = useForm();
  const [report] = useMutation(REPORT);
  const [percent, setPercent] = useState('');
  const [indicator, setIndicator] = useState('');
  const [narrative, setNarrative] = useState('');
  const [links, setLinks] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('PUBLIC');
  const [evidenceType, setEvidenceType] = useState<EvidenceType>('SELF_REPORTED');
  const standing = standingByPeriod(commitment.progressReports);
  const corrects = standing.get(period);
  const chosen = periods.find((p) => p.id === period);

  const submit = async () => {
    if (!form.check({ period, narrative }, { percentComplete: percent === '' && indicator === '' && t('percentOrValue') })) return;
    const evidenceLinks = links
      .split(/\s+/)
      .map((link) => link.trim())
      .filter(Boolean);
    const input = {
      ...commandOn(commitment),
      period,
      narrative: narrative.trim(),
      visibility,
      evidenceType,
      ...(evidenceLinks.length > 0 ? { evidenceLinks } : {}),
      ...(percent === '' ? {} : { percentComplete: Number(percent) }),
      ...(indicator === '' ? {} : { indicatorValue: Number(indicator) }),
      ...(corrects ? { corrects: corrects.id } : {}),
    };
    if (await form.run(() => report({ variables: { input } }), corrects ? t('correctedDone', { period }) : t('reported'))) {
      setNarrative('');
      setPercent('');
      setIndicator('');
      setLinks('');
      await reload();
    }
  };

  return (
    <WriteForm
      title={t('reportProgress')}
      form={form}
      onSubmit={submit}
      reload={reload}
      submit={corrects ? t('submitCorrection') : t('submitReport')}
    >
      <p className="muted">{t('periodsExplained')}</p>
      <Field label={t('period')} error={form.fieldError('period')}>
        {(props) => (
          <select {...props} ref={periodRef} value={period} onChange={(e) => onPeriod(e.target.value)}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {standing.has(p.id) ? t('periodReported', { period: p.id }) : p.closed ? t('periodClosed', { period: p.id }) : p.id}
              </option>
            ))}
          </select>
        )}
      </Field>
      {corrects ? (
        <p className="notice">{t('correctionExplained', { period })}</p>
      ) : chosen?.closed ? (
        <p className="notice">{t('lateExplained', { period })}</p>
      ) : null}
      <Field label={t('percent')} error={form.fieldError('percentComplete')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            max={100}
            step="any"
            inputMode="decimal"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('indicatorValue', { indicator: commitment.target.indicator, unit: commitment.target.unit })}
        error={form.fieldError('indicatorValue')}
      >
        {(props) => (
          <input {...props} type="number" step="any" inputMode="decimal" value={indicator} onChange={(e) => setIndicator(e.target.value)} />
        )}
      </Field>
      <Field label={t('narrative')} error={form.fieldError('narrative')}>
        {(props) => <textarea {...props} value={narrative} rows={3} onChange={(e) => setNarrative(e.target.value)} />}
      </Field>
      <Field label={t('visibility')} error={form.fieldError('visibility')}>
        {(props) => (
          <select {...props} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`visibilities.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('evidence')} error={form.fieldError('evidenceType')}>
        {(props) => (
          <select {...props} value={evidenceType} onChange={(e) => setEvidenceType(e.target.value as EvidenceType)}>
            {EVIDENCE.map((v) => (
              <option key={v} value={v}>
                {t(`evidenceTypes.${v}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="muted">{t('evidenceExplained')}</p>
      <Field label={t('evidenceLinks')} error={form.fieldError('evidenceLinks')}>
        {(props) => <textarea {...props} value={links} rows={2} placeholder="https://" onChange={(e) => setLinks(e.target.value)} />}
      </Field>
    </WriteForm>
  );
}
