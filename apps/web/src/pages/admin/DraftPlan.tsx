import { type FormEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from '../../components/Field';
import { FormOutcome, useForm } from '../../forms';
import { planDateProblems } from '../../admin';
import { DRAFT_PLAN } from './shared';

export function DraftPlanSection({ onDrafted }: { onDrafted: () => void }) {
  const { t } = useTranslation('admin');
  const form = useForm();
  const [draft] = useMutation(DRAFT_PLAN);
  const empty = { title: '', country: '', periodStart: '', periodEnd: '', defaultDeadline: '', reportingCycle: 'ANNUAL' };
  const [values, setValues] = useState(empty);
  const [drafted, setDrafted] = useState<{ id: string; title: string }>();
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setDrafted(undefined);
    const dates = planDateProblems(values);
    const ok = form.check(
      { title: values.title, country: values.country, periodStart: values.periodStart, periodEnd: values.periodEnd },
      { periodEnd: dates.periodEnd && t(dates.periodEnd), defaultDeadline: dates.defaultDeadline && t(dates.defaultDeadline) },
    );
    if (!ok) return;
    const input = {
      commandId: crypto.randomUUID(),
      title: values.title.trim(),
      country: values.country.trim().toUpperCase(),
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      reportingCycle: values.reportingCycle as 'ANNUAL' | 'SEMI_ANNUAL' | 'QUARTERLY',
      ...(values.defaultDeadline ? { defaultDeadline: values.defaultDeadline } : {}),
    };
    void form.run(
      async () => {
        const result = await draft({ variables: { input } });
        const plan = result.data?.draftPlan.plan;
        if (plan) setDrafted({ id: plan.id, title: plan.title });
        // Emptied, so that sending it again does not draft the same plan twice.
        setValues(empty);
        onDrafted();
      },
      t('plan.drafted', { title: input.title }),
    );
  };
  return (
    <section aria-labelledby="draft-heading" className="admin-job">
      <h2 id="draft-heading">{t('plan.heading')}</h2>
      <p className="muted">{t('plan.help')}</p>
      <form onSubmit={submit} aria-label={t('plan.heading')} noValidate>
        <Field label={t('plan.title')} error={form.fieldError('title')}>
          {(props) => <input {...props} value={values.title} onChange={set('title')} />}
        </Field>
        <Field label={t('plan.country')} error={form.fieldError('country')}>
          {(props) => (
            <input {...props} value={values.country} onChange={set('country')} maxLength={2} autoComplete="off" className="short" />
          )}
        </Field>
        <p className="muted">{t('plan.countryHelp')}</p>
        <Field label={t('plan.periodStart')} error={form.fieldError('periodStart')}>
          {(props) => <input {...props} type="date" value={values.periodStart} onChange={set('periodStart')} />}
        </Field>
        <Field label={t('plan.periodEnd')} error={form.fieldError('periodEnd')}>
          {(props) => <input {...props} type="date" value={values.periodEnd} onChange={set('periodEnd')} />}
        </Field>
        <Field label={t('plan.defaultDeadline')} error={form.fieldError('defaultDeadline') ?? form.fieldError('dueDate')}>
          {(props) => <input {...props} type="date" value={values.defaultDeadline} onChange={set('defaultDeadline')} />}
        </Field>
        <p className="muted">{t('plan.defaultDeadlineHelp')}</p>
        <Field label={t('plan.reportingCycle')} error={form.fieldError('reportingCycle')}>
          {(props) => (
            <select {...props} value={values.reportingCycle} onChange={set('reportingCycle')}>
              {(['ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY'] as const).map((cycle) => (
                <option key={cycle} value={cycle}>
                  {t(`plan.cycle.${cycle}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div>
          <button type="submit" disabled={form.saving}>
            {t('plan.submit')}
          </button>
        </div>
        <FormOutcome form={form} onRetry={() => submit()} />
        {drafted && form.done && (
          <p>
            <Link to={`/plans/${drafted.id}`}>{t('plan.open', { title: drafted.title })}</Link>
          </p>
        )}
      </form>
    </section>
  );
}
