import { type FormEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { FormOutcome, useForm } from '../../forms';
import { type Registration, type StakeholderChoice, registrationInput } from '../../admin';
import { REGISTER, type Person } from './shared';

export function RegisterSection({
  stakeholders,
  onRegistered,
}: {
  stakeholders: readonly StakeholderChoice[];
  onRegistered: (person: Person) => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const form = useForm();
  const [register] = useMutation(REGISTER);
  const empty: Registration = {
    subject: '',
    displayName: '',
    kind: 'ADULT',
    youthAgeBand: 'UNDER_18',
    realName: '',
    email: '',
    sponsorStakeholderId: '',
  };
  const [values, setValues] = useState<Registration>(empty);
  const set = (name: keyof Registration) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));
  const youth = values.kind === 'YOUTH';
  const panels = stakeholders.filter((s) => s.kind === 'YOUTH_PANEL');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const ok = form.check(
      { subject: values.subject, displayName: values.displayName, ...(youth ? { sponsorStakeholderId: values.sponsorStakeholderId } : {}) },
      { subject: /\s/.test(values.subject.trim()) && t('register.subjectSpaces') },
    );
    if (!ok) return;
    const input = registrationInput(values);
    void form.run(
      async () => {
        const result = await register({ variables: { input: { commandId: crypto.randomUUID(), ...input } } });
        const person = result.data?.registerParticipant.participant;
        if (person) onRegistered(person);
        setValues(empty);
      },
      t('register.done', { name: input.displayName }),
    );
  };
  return (
    <section aria-labelledby="register-heading" className="admin-job">
      <h2 id="register-heading">{t('register.heading')}</h2>
      <form onSubmit={submit} aria-label={t('register.heading')} noValidate>
        <Field label={t('register.kind')} error={form.fieldError('kind')}>
          {(props) => (
            <select {...props} value={values.kind} onChange={set('kind')}>
              <option value="ADULT">{t('kind.ADULT')}</option>
              <option value="YOUTH">{t('kind.YOUTH')}</option>
            </select>
          )}
        </Field>
        {youth && (
          <div className="notice" role="note">
            <p>{t('register.youthNotice')}</p>
          </div>
        )}
        <Field label={t('register.subject')} error={form.fieldError('subject')}>
          {(props) => <input {...props} value={values.subject} onChange={set('subject')} autoComplete="off" spellCheck={false} />}
        </Field>
        <p className="muted">{t('register.subjectHelp')}</p>
        <Field label={t(youth ? 'register.pseudonym' : 'register.displayName')} error={form.fieldError('displayName')}>
          {(props) => <input {...props} value={values.displayName} onChange={set('displayName')} autoComplete="off" />}
        </Field>
        {youth && (
          <>
            <Field label={t('register.ageBand')} error={form.fieldError('ageBand')}>
              {(props) => (
                <select {...props} value={values.youthAgeBand} onChange={set('youthAgeBand')}>
                  <option value="UNDER_18">{t('ageBand.UNDER_18')}</option>
                  <option value="AGE_18_24">{t('ageBand.AGE_18_24')}</option>
                </select>
              )}
            </Field>
            <Field label={t('register.sponsor')} error={form.fieldError('sponsorStakeholderId')}>
              {(props) => (
                <select {...props} value={values.sponsorStakeholderId} onChange={set('sponsorStakeholderId')}>
                  <option value="">{t('choose')}</option>
                  {panels.map((panel) => (
                    <option key={panel.id} value={panel.id}>
                      {panel.name} ({panel.country})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <p className="muted">{t('register.personalDataHelp')}</p>
        <Field label={t('register.realName')} error={form.fieldError('realName')}>
          {(props) => <input {...props} value={values.realName} onChange={set('realName')} autoComplete="off" />}
        </Field>
        <Field label={t('register.email')} error={form.fieldError('email')}>
          {(props) => <input {...props} type="email" value={values.email} onChange={set('email')} autoComplete="off" />}
        </Field>
        <div>
          <button type="submit" disabled={form.saving}>
            {t('register.submit')}
          </button>
        </div>
        <FormOutcome form={form} onRetry={() => submit()} />
      </form>
    </section>
  );
}
