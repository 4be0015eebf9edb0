import { type FormEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormOutcome, useForm } from '../../forms';
import { holdsAdmin } from '../../admin';
import { ERASE, type Person, PersonSelect } from './shared';

export function EraseSection({
  people,
  selfId,
  onErased,
}: {
  people: readonly Person[];
  selfId: string | null;
  onErased: (person: Person) => void;
}) {
  const { t } = useTranslation('admin');
  const form = useForm();
  const [erase] = useMutation(ERASE);
  const [chosen, setChosen] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const erasable = people.filter((p) => !p.personalData?.erased);
  const person = erasable.find((p) => p.id === chosen);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const ok = form.check({}, { participant: !person && t('roles.chooseParticipant'), confirm: !confirmed && t('erase.confirmRequired') });
    if (!ok || !person) return;
    void form.run(
      async () => {
        const result = await erase({ variables: { input: { commandId: crypto.randomUUID(), participantId: person.id } } });
        if (result.data) onErased(result.data.erasePersonalData.participant);
        setChosen('');
        setConfirmed(false);
      },
      t('erase.done', { name: person.displayName }),
    );
  };
  return (
    <section aria-labelledby="erase-heading" className="admin-job">
      <h2 id="erase-heading">{t('erase.heading')}</h2>
      <div className="notice">
        <p>{t('erase.what')}</p>
        <p>
          <strong>{t('erase.irreversible')}</strong>
        </p>
        <p>{t('erase.adminRule')}</p>
      </div>
      <form onSubmit={submit} aria-label={t('erase.heading')} noValidate>
        <PersonSelect
          label={t('roles.participant')}
          people={erasable}
          value={chosen}
          onChange={(id) => {
            setChosen(id);
            setConfirmed(false);
            form.reset();
          }}
          error={form.fieldError('participant')}
        />
        {person && holdsAdmin(person.roles) && (
          <p className="warn" role="note">
            {person.id === selfId ? t('erase.youAreAdmin') : t('erase.isAdmin', { name: person.displayName })}
          </p>
        )}
        {person && (
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={confirmed}
                onChange={(event) => setConfirmed(event.target.checked)}
                aria-invalid={Boolean(form.fieldError('confirm'))}
                {...(form.fieldError('confirm') ? { 'aria-describedby': 'erase-confirm-error' } : {})}
              />
              <span>{t('erase.confirm', { name: person.displayName })}</span>
            </label>
            {form.fieldError('confirm') && (
              <p id="erase-confirm-error" className="error">
                {form.fieldError('confirm')}
              </p>
            )}
          </div>
        )}
        <div>
          <button type="submit" disabled={form.saving}>
            {t('erase.submit')}
          </button>
        </div>
        <FormOutcome form={form} onRetry={() => submit()} />
      </form>
    </section>
  );
}
