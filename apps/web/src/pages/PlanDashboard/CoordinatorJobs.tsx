import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { FormOutcome, useForm } from '../../forms';
import { formatDate } from '../../i18n';
import { notYetAdmitted, periodsToClose } from '../../jobs';
import { usePlatformToday } from '../../platform-date';
import { AdoptSection, ClosePlanSection, ThematicAreasSection } from './PlanSetup';
import { RegisterStakeholderSection } from './RegisterStakeholder';

const JOBS = graphql(`
  query CoordinatorJobs($planId: ID!) {
    plan(id: $planId) {
      id
      version
      status
      thematicAreas {
        code
        title
      }
      stakeholders {
        id
        name
      }
      reportingPeriods {
        id
        start
        end
        closed
      }
      commitments(first: 100, status: PROPOSED) {
        totalCount
        edges {
          node {
            id
            title
            status
            version
            dueDate
            owner {
              id
              name
            }
          }
        }
      }
    }
    stakeholders(first: 100) {
      edges {
        node {
          id
          name
          kind
          country
        }
      }
    }
  }
`);

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

/**
 * The plan's coordinator: adopt a draft, define thematic areas, activate proposed commitments, close the reporting
 * periods that have ended, register and admit stakeholders, close the plan.
 */
export function CoordinatorJobs({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const { data, loading, error, refetch } = useQuery(JOBS, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const reload = () => void refetch();
  const plan = data?.plan;
  return (
    <section aria-labelledby="coordinator-heading" className="coordinator-jobs">
      <h2 id="coordinator-heading">{t('coordinatorJobs')}</h2>
      <QueryState loading={loading && !data} error={error}>
        {plan && (
          <>
            {/* A closed plan accepts nothing more: only its moderation queue and the word that it is closed stay. */}
            {plan.status !== 'CLOSED' && <AdoptSection plan={plan} onReload={reload} />}
            {plan.status !== 'CLOSED' && <ThematicAreasSection plan={plan} onReload={reload} />}
            {plan.status !== 'CLOSED' && <ActivateSection proposed={plan.commitments.edges.map((e) => e.node)} onReload={reload} />}
            {plan.status !== 'CLOSED' && (
              <ClosePeriodSection
                planId={plan.id}
                version={plan.version}
                periods={plan.reportingPeriods}
                language={i18n.language}
                onReload={reload}
              />
            )}
            {plan.status !== 'CLOSED' && <RegisterStakeholderSection onReload={reload} />}
            {plan.status !== 'CLOSED' && (
              <AdmitSection
                planId={plan.id}
                version={plan.version}
                candidates={notYetAdmitted(
                  data.stakeholders.edges.map((e) => e.node),
                  plan.stakeholders,
                )}
                onReload={reload}
              />
            )}
            <p>
              <Link to={`/plans/${plan.id}/moderation`}>{t('moderate')}</Link>
            </p>
            <ClosePlanSection plan={plan} onReload={reload} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function ActivateSection({ proposed, onReload }: { proposed: Proposed[]; onReload: () => void }) {
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

function ClosePeriodSection({
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

function AdmitSection({
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
