import { type FormEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { Field } from '../../components/Field';
import { FormOutcome, useForm } from '../../forms';
import { adoption, isAreaCode } from '../../jobs';

const DEFINE_AREA = graphql(`
  mutation DefineThematicArea($input: DefineThematicAreaInput!) {
    defineThematicArea(input: $input) {
      position
      plan {
        id
        version
        thematicAreas {
          code
          title
        }
      }
    }
  }
`);
const ADOPT = graphql(`
  mutation AdoptPlan($input: PlanLifecycleInput!) {
    adoptPlan(input: $input) {
      position
      plan {
        id
        version
        status
      }
    }
  }
`);
const CLOSE_PLAN = graphql(`
  mutation ClosePlan($input: ClosePlanInput!) {
    closePlan(input: $input) {
      position
      plan {
        id
        version
        status
      }
    }
  }
`);

export interface SetupPlan {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly thematicAreas: readonly { readonly code: string; readonly title: string }[];
}

/** The plan's thematic areas, and a form to add one (a unique code and a title). */
export function ThematicAreasSection({ plan, onReload }: { plan: SetupPlan; onReload: () => void }) {
  const { t } = useTranslation('dashboard');
  const form = useForm();
  const [define] = useMutation(DEFINE_AREA, { refetchQueries: ['PlanDashboard'] });
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = code.trim();
    const taken = plan.thematicAreas.some((area) => area.code === trimmed);
    if (!form.check({ code, title }, { code: (taken && t('areaCodeTaken')) || (!isAreaCode(trimmed) && t('areaCodeForm')) })) return;
    void form.run(
      async () => {
        await define({
          variables: {
            input: { commandId: crypto.randomUUID(), expectedVersion: plan.version, planId: plan.id, code: trimmed, title: title.trim() },
          },
        });
        setCode('');
        setTitle('');
      },
      t('areaDefined', { code: trimmed, title: title.trim() }),
    );
  };
  return (
    <section aria-labelledby="areas-heading">
      <h3 id="areas-heading">{t('areasHeading')}</h3>
      {plan.thematicAreas.length === 0 ? (
        <p>{t('noAreas')}</p>
      ) : (
        <ul className="plain">
          {plan.thematicAreas.map((area) => (
            <li key={area.code}>
              <strong>{area.code}</strong> — {area.title}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('areasHelp')}</p>
      <form onSubmit={submit} aria-label={t('defineArea')} className="job" noValidate>
        <Field label={t('areaCode')} error={form.fieldError('code')}>
          {(props) => <input {...props} value={code} maxLength={20} size={12} onChange={(event) => setCode(event.target.value)} />}
        </Field>
        <Field label={t('areaTitle')} error={form.fieldError('title')}>
          {(props) => <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <button type="submit" disabled={form.saving}>
          {t('defineArea')}
        </button>
      </form>
      <FormOutcome form={form} onReload={onReload} onRetry={() => submit()} />
    </section>
  );
}

/** A draft plan's adoption: what it needs first, and the button once it has it. */
export function AdoptSection({ plan, onReload }: { plan: SetupPlan; onReload: () => void }) {
  const { t } = useTranslation('dashboard');
  const form = useForm();
  const [adopt] = useMutation(ADOPT, { refetchQueries: ['PlanDashboard', 'PlanCommitments'] });
  const step = adoption(plan);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void form.run(
      () => adopt({ variables: { input: { commandId: crypto.randomUUID(), expectedVersion: plan.version, planId: plan.id } } }),
      t('planAdopted'),
    );
  };
  if (step !== 'READY' && step !== 'NEEDS_AREA' && !form.done) return null;
  return (
    <section aria-labelledby="adopt-heading">
      <h3 id="adopt-heading">{t('adoptHeading')}</h3>
      <p className="muted">{t('adoptHelp')}</p>
      {step === 'NEEDS_AREA' && <p className="notice">{t('adoptNeedsArea')}</p>}
      {step === 'READY' && (
        <form onSubmit={submit} aria-label={t('adopt')} className="job">
          <button type="submit" disabled={form.saving}>
            {t('adopt')}
          </button>
        </form>
      )}
      <FormOutcome form={form} onReload={onReload} onRetry={() => submit()} />
    </section>
  );
}

/** Closing the plan, once its coordinator confirms that a closed plan accepts nothing more; a closed plan says so. */
export function ClosePlanSection({ plan, onReload }: { plan: SetupPlan; onReload: () => void }) {
  const { t } = useTranslation('dashboard');
  const form = useForm();
  const [closePlan] = useMutation(CLOSE_PLAN, { refetchQueries: ['PlanDashboard', 'PlanAccountability'] });
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!form.check({}, { confirm: !confirmed && t('closePlanConfirmFirst') })) return;
    void form.run(
      () =>
        closePlan({
          variables: {
            input: {
              commandId: crypto.randomUUID(),
              expectedVersion: plan.version,
              planId: plan.id,
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            },
          },
        }),
      t('planClosed'),
    );
  };
  const closed = plan.status === 'CLOSED';
  return (
    <section aria-labelledby="close-plan-heading">
      <h3 id="close-plan-heading">{t('closePlanHeading')}</h3>
      {closed ? (
        !form.done && <p className="notice">{t('planIsClosed')}</p>
      ) : (
        <>
          <p className="muted">{t('closePlanHelp')}</p>
          <form onSubmit={submit} aria-label={t('closePlan')} className="job" noValidate>
            <Field label={t('closePlanReason')} error={form.fieldError('reason')}>
              {(props) => <input {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
            </Field>
            <Field label={t('closePlanConfirm')} error={form.fieldError('confirm')}>
              {(props) => (
                <input
                  {...props}
                  type="checkbox"
                  className="checkbox"
                  checked={confirmed}
                  onChange={(event) => setConfirmed(event.target.checked)}
                />
              )}
            </Field>
            <button type="submit" disabled={form.saving}>
              {t('closePlan')}
            </button>
          </form>
        </>
      )}
      <FormOutcome form={form} onReload={onReload} onRetry={() => submit()} />
    </section>
  );
}
