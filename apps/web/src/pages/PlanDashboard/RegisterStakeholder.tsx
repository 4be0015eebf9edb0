import { type FormEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { StakeholderKind } from '../../gql/graphql';
import { Field } from '../../components/Field';
import { STAKEHOLDER_KINDS } from './stakeholder-kinds';
import { FormOutcome, useForm } from '../../forms';

const REGISTER = graphql(`
  mutation RegisterStakeholder($input: RegisterStakeholderInput!) {
    registerStakeholder(input: $input) {
      position
      stakeholder {
        id
        name
        kind
        country
      }
    }
  }
`);

/** A coordinator registers an organisation on the platform, so that they can admit it to their plan next. */
export function RegisterStakeholderSection({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const form = useForm();
  const [register] = useMutation(REGISTER, { refetchQueries: ['CoordinatorJobs'], awaitRefetchQueries: true });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StakeholderKind | ''>('');
  const [sector, setSector] = useState('');
  const [country, setCountry] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const code = country.trim().toUpperCase();
    if (!form.check({ name, kind, sector, country }, { country: code !== '' && !/^[A-Z]{2}$/.test(code) && t('countryForm') })) return;
    if (!kind) return;
    void form.run(
      async () => {
        await register({
          variables: { input: { commandId: crypto.randomUUID(), name: name.trim(), kind, sector: sector.trim(), country: code } },
        });
        setName('');
        setKind('');
        setSector('');
        setCountry('');
      },
      t('registered', { name: name.trim() }),
    );
  };
  return (
    <section aria-labelledby="register-heading">
      <h3 id="register-heading">{t('registerHeading')}</h3>
      <p className="muted">{t('registerHelp')}</p>
      <form onSubmit={submit} aria-label={t('register')} className="job" noValidate>
        <Field label={t('stakeholderName')} error={form.fieldError('name')}>
          {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label={t('stakeholderKind')} error={form.fieldError('kind')}>
          {(props) => (
            <select {...props} value={kind} onChange={(event) => setKind(event.target.value as StakeholderKind | '')}>
              <option value="">{t('chooseKind')}</option>
              {STAKEHOLDER_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`common:stakeholderKind.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('sector')} error={form.fieldError('sector')}>
          {(props) => <input {...props} value={sector} onChange={(event) => setSector(event.target.value)} />}
        </Field>
        <Field label={t('country')} error={form.fieldError('country')}>
          {(props) => (
            <input
              {...props}
              value={country}
              maxLength={2}
              size={4}
              autoCapitalize="characters"
              onChange={(event) => setCountry(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={form.saving}>
          {t('register')}
        </button>
      </form>
      <FormOutcome form={form} onReload={onReload} onRetry={() => submit()} />
    </section>
  );
}
