import { type FormEvent, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { FormOutcome, useForm } from '../../forms';
import { PARTICIPANT, type Person, type Lists, useRoleText } from './shared';

export function ParticipantsSection({
  people,
  total,
  lists,
  selfId,
  onOpened,
}: {
  people: readonly Person[];
  total: number;
  lists: Lists;
  selfId: string | null;
  onOpened: (person: Person) => void;
}) {
  const { t } = useTranslation('admin');
  const client = useApolloClient();
  const form = useForm();
  const roleText = useRoleText(lists);
  const [id, setId] = useState('');
  const open = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!form.check({ id })) return;
    let found: Person | null = null;
    const ok = await form.run(async () => {
      const result = await client.query({ query: PARTICIPANT, variables: { id: id.trim() }, fetchPolicy: 'network-only' });
      if (result.error) throw result.error;
      found = result.data?.participant ?? null;
    }, t('participants.opened'));
    if (!ok) return;
    if (!found) return form.refuse({ id: t('participants.notFound') });
    onOpened(found);
    setId('');
  };
  return (
    <section aria-labelledby="participants-heading" className="admin-job">
      <h2 id="participants-heading">{t('participants.heading')}</h2>
      <p className="muted">{t('participants.help', { count: total })}</p>
      {people.length === 0 ? (
        <p>{t('participants.none')}</p>
      ) : (
        <ul className="plain">
          {people.map((person) => (
            <li key={person.id}>
              <p className="person">
                <strong>{person.displayName}</strong> · {t(`kind.${person.kind}`)}
                {person.id === selfId && <> · {t('participants.you')}</>}
              </p>
              <p className="muted">{t('participants.id', { id: person.id })}</p>
              <p>
                {person.roles.length === 0
                  ? t('participants.noRole')
                  : t('participants.roles', { roles: person.roles.map(roleText).join(' · ') })}
              </p>
              <p>
                {person.personalData?.erased
                  ? t('participants.erased')
                  : person.personalData
                    ? t('participants.personalData', {
                        subject: person.personalData.subject ?? t('participants.unknown'),
                        realName: person.personalData.realName ?? t('participants.unknown'),
                        email: person.personalData.email ?? t('participants.unknown'),
                      })
                    : t('participants.noPersonalData')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void open(event)} aria-label={t('participants.openHeading')} className="job" noValidate>
        <Field label={t('participants.openId')} error={form.fieldError('id')}>
          {(props) => <input {...props} value={id} onChange={(event) => setId(event.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
        <button type="submit" disabled={form.saving}>
          {t('participants.open')}
        </button>
        <FormOutcome form={form} />
      </form>
    </section>
  );
}
