import { type FormEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { FormOutcome, useForm } from '../../forms';
import { ROLES, grantKey, grantOf, scopeChoices, scopeKindOf } from '../../admin';
import { GRANT, REVOKE, type Person, type Lists, useRoleText, withSubject, PersonSelect } from './shared';

export function RolesSection({
  people,
  lists,
  onChanged,
}: {
  people: readonly Person[];
  lists: Lists;
  onChanged: (person: Person) => void;
}) {
  const { t } = useTranslation('admin');
  const grantForm = useForm();
  const revokeForm = useForm();
  const roleText = useRoleText(lists);
  const [grant] = useMutation(GRANT);
  const [revoke] = useMutation(REVOKE);
  const choosable = withSubject(people);
  const [grantee, setGrantee] = useState('');
  const [role, setRole] = useState('');
  const [scope, setScope] = useState('');
  const [holder, setHolder] = useState('');
  const [held, setHeld] = useState('');
  const [reason, setReason] = useState('');
  const scopes = role ? scopeChoices(role, lists.plans, lists.stakeholders) : [];
  const needsScope = role !== '' && scopeKindOf(role) !== 'platform';
  const holderPerson = choosable.find((p) => p.id === holder);

  const submitGrant = (event?: FormEvent) => {
    event?.preventDefault();
    const person = choosable.find((p) => p.id === grantee);
    const ok = grantForm.check(
      {},
      {
        participant: !person && t('roles.chooseParticipant'),
        role: !role && t('roles.chooseRole'),
        scope: needsScope && !scopes.some((s) => s.id === scope) && t(`roles.chooseScope.${scopeKindOf(role)}`),
      },
    );
    if (!ok || !person) return;
    const granted = { role: role as (typeof ROLES)[number], scope: needsScope ? scope : null };
    void grantForm.run(
      async () => {
        const result = await grant({
          variables: {
            input: {
              commandId: crypto.randomUUID(),
              subject: person.personalData!.subject!,
              role: granted.role,
              ...(granted.scope ? { scope: granted.scope } : {}),
            },
          },
        });
        if (result.data) onChanged(result.data.grantRole.participant);
      },
      t('roles.granted', { name: person.displayName, role: roleText(granted) }),
    );
  };

  const submitRevoke = (event?: FormEvent) => {
    event?.preventDefault();
    const revoked = grantOf(held);
    const ok = revokeForm.check(
      {},
      {
        holder: !holderPerson && t('roles.chooseParticipant'),
        held: holderPerson && (!revoked || !holderPerson.roles.some((g) => grantKey(g) === held)) && t('roles.chooseHeld'),
      },
    );
    if (!ok || !holderPerson || !revoked) return;
    void revokeForm.run(
      async () => {
        const result = await revoke({
          variables: {
            input: {
              commandId: crypto.randomUUID(),
              subject: holderPerson.personalData!.subject!,
              role: revoked.role,
              ...(revoked.scope ? { scope: revoked.scope } : {}),
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            },
          },
        });
        if (result.data) onChanged(result.data.revokeRole.participant);
        setHeld('');
        setReason('');
      },
      t('roles.revoked', { name: holderPerson.displayName, role: roleText(revoked) }),
    );
  };

  return (
    <section aria-labelledby="roles-heading" className="admin-job">
      <h2 id="roles-heading">{t('roles.heading')}</h2>
      <p className="muted">{t('roles.help')}</p>
      <section aria-labelledby="grant-heading">
        <h3 id="grant-heading">{t('roles.grantHeading')}</h3>
        <form onSubmit={submitGrant} aria-label={t('roles.grantHeading')} noValidate>
          <PersonSelect
            label={t('roles.participant')}
            people={choosable}
            value={grantee}
            onChange={setGrantee}
            error={grantForm.fieldError('participant')}
          />
          <Field label={t('roles.role')} error={grantForm.fieldError('role')}>
            {(props) => (
              <select
                {...props}
                value={role}
                onChange={(event) => {
                  setRole(event.target.value);
                  setScope('');
                }}
              >
                <option value="">{t('choose')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {role && <p className="muted">{t(`roles.scopeHelp.${scopeKindOf(role)}`)}</p>}
          {needsScope && (
            <Field label={t(`roles.scope.${scopeKindOf(role)}`)} error={grantForm.fieldError('scope')}>
              {(props) => (
                <select {...props} value={scope} onChange={(event) => setScope(event.target.value)}>
                  <option value="">{t('choose')}</option>
                  {scopes.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div>
            <button type="submit" disabled={grantForm.saving}>
              {t('roles.grant')}
            </button>
          </div>
          <FormOutcome form={grantForm} onRetry={() => submitGrant()} />
        </form>
      </section>
      <section aria-labelledby="revoke-heading">
        <h3 id="revoke-heading">{t('roles.revokeHeading')}</h3>
        <form onSubmit={submitRevoke} aria-label={t('roles.revokeHeading')} noValidate>
          <PersonSelect
            label={t('roles.participant')}
            people={choosable}
            value={holder}
            onChange={(id) => {
              setHolder(id);
              setHeld('');
            }}
            error={revokeForm.fieldError('holder')}
          />
          {holderPerson && holderPerson.roles.length === 0 && <p>{t('roles.holdsNone', { name: holderPerson.displayName })}</p>}
          {holderPerson && holderPerson.roles.length > 0 && (
            <Field label={t('roles.held')} error={revokeForm.fieldError('held')}>
              {(props) => (
                <select {...props} value={held} onChange={(event) => setHeld(event.target.value)}>
                  <option value="">{t('choose')}</option>
                  {holderPerson.roles.map((g) => (
                    <option key={grantKey(g)} value={grantKey(g)}>
                      {roleText(g)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={t('roles.reason')} error={revokeForm.fieldError('reason')}>
            {(props) => <input {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </Field>
          <div>
            <button type="submit" disabled={revokeForm.saving}>
              {t('roles.revoke')}
            </button>
          </div>
          <FormOutcome form={revokeForm} onRetry={() => submitRevoke()} />
        </form>
      </section>
    </section>
  );
}
