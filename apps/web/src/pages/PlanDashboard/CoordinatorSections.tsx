import { type FormEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Field } from '../../components/Field';
import { FormOutcome, useForm } from '../../forms';
import { formatDate } from '../../i18n';
import { periodsToClose } from '../../jobs';
import { usePlatformToday } from '../../platform-date';

const ACTIVATE = graphql(`
  mutation ActivateCommitment($input: CommitmentLifecycleInput!) {
    activateCommitment(input: $input) {
      position
      commitment {
        id
        status
        version
      }
    }
  }
`);
const CLOSE_PERIOD = graphql(`
  mutation CloseReportingPeriod($input: CloseReportingPeriodInput!) {
    closeReportingPeriod(input: $input) {
      position
      plan {
        id
        version
        reportingPeriods {
          id
          start
          end
          closed
        }
      }
    }
  }
`);
const ADMIT = graphql(`
  mutation AdmitStakeholder($input: AdmitStakeholderInput!) {
    admitStakeholder(input: $input) {
      position
      plan {
        id
        version
        stakeholders {
          id
          name
        }
      }
    }
  }
`);

type Proposed = { id: string; title: string; status: string; version: number; dueDate: string; owner: { id: string; name: string } };

/** One proposed commitment, and the button that makes it active so that its owner can report on it. */
function ActivateItem({
  commitment,
  onReload,
  onActivated,
}: {
  commitment: Proposed;
  onReload: () => void;
  onActivated: (commitment: Proposed) => void;
}) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const form = useForm();
  const [activate] = useMutation(ACTIVATE, { refetchQueries: ['PlanDashboard', 'PlanAccountability', 'PlanDeadlines', 'PlanCommitments'] });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void form.run(
      async () => {
        const result = await activate({
          variables: { input: { commandId: crypto.randomUUID(), expectedVersion: commitment.version, commitmentId: commitment.id } },
        });
        onActivated({ ...commitment, status: result.data?.activateCommitment.commitment.status ?? 'ACTIVE' });
      },
      t('activated', { title: commitment.title }),
    );
  };
  return (
    <li>
      <form onSubmit={submit} aria-label={t('activateOne', { title: commitment.title })} className="job">
        <p>
          <Link to={`/commitments/${commitment.id}`}>{commitment.title}</Link> · {commitment.owner.name} ·{' '}
          {t('due', { date: formatDate(commitment.dueDate, i18n.language) })} ·{' '}
          <span className="badge">{t(`common:status.${commitment.status}`)}</span>
        </p>
        {commitment.status === 'PROPOSED' && !form.done && (
          <button type="submit" disabled={form.saving}>
            {t('activate')}
          </button>
        )}
        <FormOutcome form={form} onReload={onReload} onRetry={() => submit()} />
      </form>
    </li>
  );
}

export function ActivateSection({ proposed, onReload }: { proposed: Proposed[]; onReload: () => void }) {
  const { t } = useTranslation('dashboard');
  // What was activated here stays in the list, with its confirmation, until the page is left.
  const [activated, setActivated] = useState<Proposed[]>([]);
  const shown = [...proposed.filter((c) => !activated.some((a) => a.id === c.id)), ...activated];
  return (
    <section aria-labelledby="activate-heading">
      <h3 id="activate-heading">{t('activateHeading')}</h3>
      <p className="muted">{t('activateHelp')}</p>
      {shown.length === 0 ? (
        <p>{t('nothingToActivate')}</p>
      ) : (
        <ul className="plain">
          {shown.map((commitment) => (
            <ActivateItem
              key={commitment.id}
              commitment={commitment}
              onReload={onReload}
              onActivated={(done) => setActivated((list) => [...list, done])}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

export function ClosePeriodSection({
  planId,
  version,
  periods,
  language,
  onReload,
}: {
  planId: string;
  version: number;
  periods: readonly { id: string; start: string; end: string; closed: boolean }[];
  language: string;
  onReload: () => void;
}) {
  const { t } = useTranslation('dashboard');
  const form = useForm();
  const [close] = useMutation(CLOSE_PERIOD, { refetchQueries: ['PlanAccountability'] });
  const today = usePlatformToday();
  const open = periodsToClose(periods, today);
  const [period, setPeriod] = useState('');
  const chosen = open.some((p) => p.id === period) ? period : (open[0]?.id ?? '');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosen) return form.refuse({ period: t('choosePeriod') });
    void form.run(
      () => close({ variables: { input: { commandId: crypto.randomUUID(), expectedVersion: version, planId, period: chosen } } }),
      t('periodClosed', { period: chosen }),
    );
  };
  return (
    <section aria-labelledby="close-heading">
      <h3 id="close-heading">{t('closeHeading')}</h3>
      <p className="muted">{t('closeHelp')}</p>
      {open.length === 0 ? (
        <p>{t('nothingToClose')}</p>
      ) : (
        <>
          <ul className="plain">
            {open.map((p) => (
              <li key={p.id}>{t('periodEnded', { period: p.id, date: formatDate(p.end, language) })}</li>
            ))}
          </ul>
          <form onSubmit={submit} aria-label={t('closePeriod')} className="job">
            <Field label={t('period')} error={form.fieldError('period')}>
              {(props) => (
                <select {...props} value={chosen} onChange={(event) => setPeriod(event.target.value)}>
                  {open.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" disabled={form.saving}>
              {t('closePeriod')}
            </button>
          </form>
        </>
      )}
      <FormOutcome form={form} onReload={onReload} onRetry={() => submit()} />
    </section>
  );
}

export function AdmitSection({
  planId,
  version,
  candidates,
  onReload,
}: {
  planId: string;
  version: number;
  candidates: readonly { id: string; name: string; kind: string; country: string }[];
  onReload: () => void;
}) {
  const { t } = useTranslation(['dashboard', 'common']);
  const form = useForm();
  const [admit] = useMutation(ADMIT, { refetchQueries: ['PlanAccountability'] });
  const [stakeholderId, setStakeholderId] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const chosen = candidates.find((c) => c.id === stakeholderId);
    if (!chosen) return form.refuse({ stakeholderId: t('chooseStakeholder') });
    void form.run(
      async () => {
        await admit({
          variables: { input: { commandId: crypto.randomUUID(), expectedVersion: version, planId, stakeholderId: chosen.id } },
        });
        setStakeholderId('');
      },
      t('admitted', { name: chosen.name }),
    );
  };
  return (
    <section aria-labelledby="admit-heading">
      <h3 id="admit-heading">{t('admitHeading')}</h3>
      {candidates.length === 0 ? (
        <p>{t('nothingToAdmit')}</p>
      ) : (
        <form onSubmit={submit} aria-label={t('admit')} className="job">
          <Field label={t('stakeholder')} error={form.fieldError('stakeholderId')}>
            {(props) => (
              <select {...props} value={stakeholderId} onChange={(event) => setStakeholderId(event.target.value)}>
                <option value="">{t('chooseOne')}</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({t(`common:stakeholderKind.${c.kind}`)}, {c.country})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={form.saving}>
            {t('admit')}
          </button>
        </form>
      )}
      <FormOutcome form={form} onReload={onReload} onRetry={() => submit()} />
    </section>
  );
}
