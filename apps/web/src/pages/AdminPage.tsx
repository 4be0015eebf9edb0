import { type FormEvent, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { FormOutcome, useForm } from '../forms';
import {
  type PlanChoice,
  ROLES,
  type Registration,
  type StakeholderChoice,
  grantKey,
  grantOf,
  holdsAdmin,
  planDateProblems,
  registrationInput,
  remember,
  scopeChoices,
  scopeKindOf,
  scopeName,
} from '../admin';
import { useViewer } from '../viewer';

const CHOICES = graphql(`
  query AdminChoices {
    plans(first: 100) { edges { node { id title country status } } }
    stakeholders(first: 100) { edges { node { id name kind country } } }
  }
`);

const PARTICIPANTS = graphql(`
  query AdminParticipants {
    participants(first: 100) { totalCount edges { node { id displayName kind roles { role scope } personalData { subject realName email erased } } } }
  }
`);

const PARTICIPANT = graphql(`
  query AdminParticipant($id: ID!) {
    participant(id: $id) { id displayName kind roles { role scope } personalData { subject realName email erased } }
  }
`);

const DRAFT_PLAN = graphql(`
  mutation AdminDraftPlan($input: DraftPlanInput!) { draftPlan(input: $input) { position plan { id title country status } } }
`);
const REGISTER = graphql(`
  mutation AdminRegisterParticipant($input: RegisterParticipantInput!) {
    registerParticipant(input: $input) { participant { id displayName kind roles { role scope } personalData { subject realName email erased } } }
  }
`);
const GRANT = graphql(`
  mutation AdminGrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) { participant { id displayName kind roles { role scope } personalData { subject realName email erased } } }
  }
`);
const REVOKE = graphql(`
  mutation AdminRevokeRole($input: RevokeRoleInput!) {
    revokeRole(input: $input) { participant { id displayName kind roles { role scope } personalData { subject realName email erased } } }
  }
`);
const ERASE = graphql(`
  mutation AdminErasePersonalData($input: ErasePersonalDataInput!) {
    erasePersonalData(input: $input) { participant { id displayName kind roles { role scope } personalData { subject realName email erased } } }
  }
`);

interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly kind: string;
  readonly roles: readonly { role: string; scope?: string | null }[];
  readonly personalData?: { subject?: string | null; realName?: string | null; email?: string | null; erased: boolean } | null;
}

interface Lists {
  readonly plans: readonly PlanChoice[];
  readonly stakeholders: readonly StakeholderChoice[];
}

/** The platform administrator's jobs: draft plans, register participants, grant and revoke roles, erase personal data. */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const { viewer, loading, isAdmin } = useViewer();
  if (!viewer) {
    return <Page title={t('heading')}>{loading ? <p role="status">{t('checking')}</p> : <p>{t('signIn')}</p>}</Page>;
  }
  if (!isAdmin) {
    return (
      <Page title={t('heading')}>
        <div className="notice">
          <p>{t('forbidden')}</p>
          <p>
            <Link to="/">{t('backToPlans')}</Link>
          </p>
        </div>
      </Page>
    );
  }
  return <AdminJobs selfId={viewer.participantId ?? null} />;
}

function AdminJobs({ selfId }: { selfId: string | null }) {
  const { t } = useTranslation('admin');
  const { data, loading, error, refetch } = useQuery(CHOICES, { fetchPolicy: 'cache-and-network' });
  const listed = useQuery(PARTICIPANTS, { fetchPolicy: 'cache-and-network' });
  // Who changed or was opened here, as the api answered, until the list is read again.
  const [changed, setChanged] = useState<Person[]>([]);
  const people = changed.reduce<Person[]>((list, person) => remember(list, person), listed.data?.participants.edges.map((edge) => edge.node) ?? []);
  const lists: Lists = { plans: data?.plans.edges.map((e) => e.node) ?? [], stakeholders: data?.stakeholders.edges.map((e) => e.node) ?? [] };

  const keep = (person: Person) => {
    setChanged((list) => remember(list, person));
    void listed.refetch();
  };

  return (
    <Page title={t('heading')} className="admin">
      <p className="about">{t('intro')}</p>
      <QueryState loading={loading && !data} error={error} data={data} refetch={refetch}>
        <DraftPlanSection onDrafted={() => void refetch()} />
        <RegisterSection stakeholders={lists.stakeholders} onRegistered={keep} />
        <ParticipantsSection people={people} total={listed.data?.participants.totalCount ?? people.length} lists={lists} selfId={selfId} onOpened={keep} />
        <RolesSection people={people} lists={lists} onChanged={keep} />
        <EraseSection people={people} selfId={selfId} onErased={keep} />
      </QueryState>
    </Page>
  );
}

function DraftPlanSection({ onDrafted }: { onDrafted: () => void }) {
  const { t } = useTranslation('admin');
  const form = useForm();
  const [draft] = useMutation(DRAFT_PLAN);
  const empty = { title: '', country: '', periodStart: '', periodEnd: '', defaultDeadline: '', reportingCycle: 'ANNUAL' };
  const [values, setValues] = useState(empty);
  const [drafted, setDrafted] = useState<{ id: string; title: string }>();
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
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
    void form.run(async () => {
      const result = await draft({ variables: { input } });
      const plan = result.data?.draftPlan.plan;
      if (plan) setDrafted({ id: plan.id, title: plan.title });
      // Emptied, so that sending it again does not draft the same plan twice.
      setValues(empty);
      onDrafted();
    }, t('plan.drafted', { title: input.title }));
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
          {(props) => <input {...props} value={values.country} onChange={set('country')} maxLength={2} autoComplete="off" className="short" />}
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

function RegisterSection({ stakeholders, onRegistered }: { stakeholders: readonly StakeholderChoice[]; onRegistered: (person: Person) => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const form = useForm();
  const [register] = useMutation(REGISTER);
  const empty: Registration = { subject: '', displayName: '', kind: 'ADULT', youthAgeBand: 'UNDER_18', realName: '', email: '', sponsorStakeholderId: '' };
  const [values, setValues] = useState<Registration>(empty);
  const set = (name: keyof Registration) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
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
    void form.run(async () => {
      const result = await register({ variables: { input: { commandId: crypto.randomUUID(), ...input } } });
      const person = result.data?.registerParticipant.participant;
      if (person) onRegistered(person);
      setValues(empty);
    }, t('register.done', { name: input.displayName }));
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

/** A participant's roles in words: "Coordinator of <plan>", "Administrator of the platform". */
function useRoleText(lists: Lists) {
  const { t } = useTranslation('admin');
  return (grant: { role: string; scope?: string | null }) => {
    const where = scopeName(grant.scope, lists.plans, lists.stakeholders);
    return where ? t('roleIn', { role: t(`role.${grant.role}`), scope: where }) : t(`role.${grant.role}`);
  };
}

function ParticipantsSection({
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
              <p>{person.roles.length === 0 ? t('participants.noRole') : t('participants.roles', { roles: person.roles.map(roleText).join(' · ') })}</p>
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

/** Who may be chosen for a role change: participants whose subject the admin can read (the api finds people by it). */
const withSubject = (people: readonly Person[]) => people.filter((p) => p.personalData?.subject && !p.personalData.erased);

function PersonSelect({ people, value, onChange, error, label }: { people: readonly Person[]; value: string; onChange: (id: string) => void; error: string | undefined; label: string }) {
  const { t } = useTranslation('admin');
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('choose')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName} ({t(`kind.${person.kind}`)})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function RolesSection({ people, lists, onChanged }: { people: readonly Person[]; lists: Lists; onChanged: (person: Person) => void }) {
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
    const ok = grantForm.check({}, {
      participant: !person && t('roles.chooseParticipant'),
      role: !role && t('roles.chooseRole'),
      scope: needsScope && !scopes.some((s) => s.id === scope) && t(`roles.chooseScope.${scopeKindOf(role)}`),
    });
    if (!ok || !person) return;
    const granted = { role: role as (typeof ROLES)[number], scope: needsScope ? scope : null };
    void grantForm.run(async () => {
      const result = await grant({ variables: { input: { commandId: crypto.randomUUID(), subject: person.personalData!.subject!, role: granted.role, ...(granted.scope ? { scope: granted.scope } : {}) } } });
      if (result.data) onChanged(result.data.grantRole.participant);
    }, t('roles.granted', { name: person.displayName, role: roleText(granted) }));
  };

  const submitRevoke = (event?: FormEvent) => {
    event?.preventDefault();
    const revoked = grantOf(held);
    const ok = revokeForm.check({}, {
      holder: !holderPerson && t('roles.chooseParticipant'),
      held: holderPerson && (!revoked || !holderPerson.roles.some((g) => grantKey(g) === held)) && t('roles.chooseHeld'),
    });
    if (!ok || !holderPerson || !revoked) return;
    void revokeForm.run(async () => {
      const result = await revoke({
        variables: { input: { commandId: crypto.randomUUID(), subject: holderPerson.personalData!.subject!, role: revoked.role, ...(revoked.scope ? { scope: revoked.scope } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) } },
      });
      if (result.data) onChanged(result.data.revokeRole.participant);
      setHeld('');
      setReason('');
    }, t('roles.revoked', { name: holderPerson.displayName, role: roleText(revoked) }));
  };

  return (
    <section aria-labelledby="roles-heading" className="admin-job">
      <h2 id="roles-heading">{t('roles.heading')}</h2>
      <p className="muted">{t('roles.help')}</p>
      <section aria-labelledby="grant-heading">
        <h3 id="grant-heading">{t('roles.grantHeading')}</h3>
        <form onSubmit={submitGrant} aria-label={t('roles.grantHeading')} noValidate>
          <PersonSelect label={t('roles.participant')} people={choosable} value={grantee} onChange={setGrantee} error={grantForm.fieldError('participant')} />
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

function EraseSection({ people, selfId, onErased }: { people: readonly Person[]; selfId: string | null; onErased: (person: Person) => void }) {
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
    void form.run(async () => {
      const result = await erase({ variables: { input: { commandId: crypto.randomUUID(), participantId: person.id } } });
      if (result.data) onErased(result.data.erasePersonalData.participant);
      setChosen('');
      setConfirmed(false);
    }, t('erase.done', { name: person.displayName }));
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
