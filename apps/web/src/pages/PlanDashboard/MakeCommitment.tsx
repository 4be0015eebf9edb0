import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { useForm } from '../../forms';
import { formatDate } from '../../i18n';
import { focalPointOfAdmitted, parseDecimal } from '../../jobs';
import { useViewer } from '../../viewer';
import { WriteForm } from '../commitment/WriteForm';

const PLAN = graphql(`
  query MakeCommitmentPlan($planId: ID!) {
    plan(id: $planId) {
      id
      status
      defaultDeadline
      periodStart
      periodEnd
      thematicAreas {
        code
        title
      }
      stakeholders {
        id
        name
      }
    }
  }
`);

const MAKE = graphql(`
  mutation MakeCommitment($input: MakeCommitmentInput!) {
    makeCommitment(input: $input) {
      position
      commitment {
        id
        title
        status
      }
    }
  }
`);

type Plan = {
  id: string;
  status: string;
  defaultDeadline?: string | null;
  periodStart: string;
  periodEnd: string;
  thematicAreas: readonly { code: string; title: string }[];
  stakeholders: readonly { id: string; name: string }[];
};

/**
 * A focal point of a stakeholder the plan admitted: make a new commitment for that stakeholder. Shown to nobody else;
 * the rules that would refuse it (a plan not adopted or closed, no thematic area yet) are said instead of the form.
 */
export function FocalPointJobs({ planId }: { planId: string }) {
  const { t } = useTranslation('dashboard');
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(PLAN, { variables: { planId }, skip: !viewer?.participantId });
  const plan = data?.plan;
  const owners = plan ? focalPointOfAdmitted(viewer, plan.stakeholders) : [];
  if (!viewer?.participantId || (plan && owners.length === 0) || (!plan && !loading && !error)) return null;
  return (
    <section aria-labelledby="focal-point-heading" className="focal-point-jobs">
      <h2 id="focal-point-heading">{t('focalPointJobs')}</h2>
      <QueryState loading={loading && !data} error={error}>
        {plan &&
          (plan.status === 'CLOSED' ? (
            <p className="notice">{t('makeClosed')}</p>
          ) : plan.status !== 'ADOPTED' ? (
            <p className="notice">{t('makeNotAdopted')}</p>
          ) : plan.thematicAreas.length === 0 ? (
            <p className="notice">{t('makeNoArea')}</p>
          ) : (
            <MakeCommitmentForm plan={plan} owners={owners} reload={refetch} />
          ))}
      </QueryState>
    </section>
  );
}

function MakeCommitmentForm({
  plan,
  owners,
  reload,
}: {
  plan: Plan;
  owners: readonly { id: string; name: string }[];
  reload: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation(['dashboard', 'errors']);
  const form = useForm();
  const [make] = useMutation(MAKE, { refetchQueries: ['PlanDashboard', 'PlanCommitments', 'PlanDeadlines', 'PlanAccountability'] });
  const [ownerId, setOwnerId] = useState(owners.length === 1 ? owners[0]!.id : '');
  const [area, setArea] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [sourceReference, setSourceReference] = useState('');
  const [indicator, setIndicator] = useState('');
  const [unit, setUnit] = useState('');
  const [baseline, setBaseline] = useState('');
  const [targetValue, setTargetValue] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [coOwnerIds, setCoOwnerIds] = useState<string[]>([]);
  const [made, setMade] = useState<{ id: string; title: string }>();
  const others = plan.stakeholders.filter((s) => s.id !== ownerId);
  const deadline = plan.defaultDeadline ?? null;

  const submit = async () => {
    setMade(undefined);
    const base = parseDecimal(baseline);
    const goal = parseDecimal(targetValue);
    const required = {
      ownerId,
      thematicAreaCode: area,
      title,
      description,
      'target.indicator': indicator,
      'target.unit': unit,
      'target.baseline': baseline,
      'target.targetValue': targetValue,
      ...(deadline ? {} : { dueDate }),
    };
    const more = {
      'target.baseline': baseline.trim() !== '' && base === undefined && t('errors:field.isNumber'),
      'target.targetValue': targetValue.trim() !== '' && goal === undefined && t('errors:field.isNumber'),
      dueDate:
        dueDate !== '' &&
        (dueDate < plan.periodStart || dueDate > plan.periodEnd) &&
        t('dueOutsidePlan', { start: formatDate(plan.periodStart, i18n.language), end: formatDate(plan.periodEnd, i18n.language) }),
    };
    if (!form.check(required, more) || base === undefined || goal === undefined) return;
    const chosenCoOwners = coOwnerIds.filter((id) => id !== ownerId);
    const created: { commitment?: { id: string; title: string } } = {};
    const input = {
      commandId: crypto.randomUUID(),
      planId: plan.id,
      ownerId,
      thematicAreaCode: area,
      title: title.trim(),
      description: description.trim(),
      ...(sourceReference.trim() ? { sourceReference: sourceReference.trim() } : {}),
      target: { indicator: indicator.trim(), unit: unit.trim(), baseline: base, targetValue: goal },
      ...(dueDate ? { dueDate } : {}),
      ...(chosenCoOwners.length > 0 ? { coOwnerIds: chosenCoOwners } : {}),
    };
    const ok = await form.run(
      async () => {
        const result = await make({ variables: { input } });
        created.commitment = result.data?.makeCommitment.commitment;
      },
      t('commitmentMade', { title: title.trim() }),
    );
    if (ok && created.commitment) {
      setMade(created.commitment);
      for (const clear of [
        setArea,
        setTitle,
        setDescription,
        setSourceReference,
        setIndicator,
        setUnit,
        setBaseline,
        setTargetValue,
        setDueDate,
      ])
        clear('');
      setCoOwnerIds([]);
    }
  };

  return (
    <>
      <WriteForm title={t('makeCommitment')} form={form} onSubmit={submit} reload={reload} submit={t('makeSubmit')}>
        <p className="muted">{t('makeHelp')}</p>
        <Field label={t('makeOwner')} error={form.fieldError('ownerId')}>
          {(props) => (
            <select {...props} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              {owners.length > 1 && <option value="">{t('chooseOne')}</option>}
              {owners.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('area')} error={form.fieldError('thematicAreaCode')}>
          {(props) => (
            <select {...props} value={area} onChange={(e) => setArea(e.target.value)}>
              <option value="">{t('chooseArea')}</option>
              {plan.thematicAreas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('makeTitle')} error={form.fieldError('title')}>
          {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('makeDescription')} error={form.fieldError('description')}>
          {(props) => <textarea {...props} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field label={t('makeSource')} error={form.fieldError('sourceReference')}>
          {(props) => <input {...props} value={sourceReference} onChange={(e) => setSourceReference(e.target.value)} />}
        </Field>
        <fieldset className="target">
          <legend>{t('makeTarget')}</legend>
          <p className="muted">{t('makeTargetHelp')}</p>
          <Field label={t('makeIndicator')} error={form.fieldError('target.indicator') ?? form.fieldError('target')}>
            {(props) => <input {...props} value={indicator} onChange={(e) => setIndicator(e.target.value)} />}
          </Field>
          <Field label={t('makeUnit')} error={form.fieldError('target.unit')}>
            {(props) => <input {...props} value={unit} onChange={(e) => setUnit(e.target.value)} />}
          </Field>
          <Field label={t('makeBaseline')} error={form.fieldError('target.baseline')}>
            {(props) => <input {...props} inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.target.value)} />}
          </Field>
          <Field label={t('makeTargetValue')} error={form.fieldError('target.targetValue')}>
            {(props) => <input {...props} inputMode="decimal" value={targetValue} onChange={(e) => setTargetValue(e.target.value)} />}
          </Field>
        </fieldset>
        <Field label={t('makeDueDate')} error={form.fieldError('dueDate')}>
          {(props) => (
            <input
              {...props}
              type="date"
              min={plan.periodStart}
              max={plan.periodEnd}
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
            />
          )}
        </Field>
        <p className="muted">{deadline ? t('makeDueInherited', { date: formatDate(deadline, i18n.language) }) : t('makeDueRequired')}</p>
        {others.length > 0 && (
          <fieldset className="co-owners">
            <legend>{t('makeCoOwners')}</legend>
            <p className="muted">{t('makeCoOwnersHelp')}</p>
            {form.fieldError('coOwnerIds') && <p className="error">{form.fieldError('coOwnerIds')}</p>}
            {others.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={coOwnerIds.includes(s.id)}
                  onChange={(e) => setCoOwnerIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((id) => id !== s.id)))}
                />{' '}
                {s.name}
              </label>
            ))}
          </fieldset>
        )}
      </WriteForm>
      {made && (
        <p className="ok">
          <Link to={`/commitments/${made.id}`}>{t('openMade', { title: made.title })}</Link>
        </p>
      )}
    </>
  );
}
