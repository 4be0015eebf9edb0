import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { FormOutcome, type FormState, useForm } from '../../forms';
import { type Commitment, COMPLETE_COMMITMENT, REVISE, WITHDRAW } from './queries';
import { commandOn, WriteForm } from './WriteForm';
import { usePlatformToday } from '../../platform-date';

type Reload = () => Promise<unknown>;

function Revise({ commitment, reload }: { commitment: Commitment; reload: Reload }) {
  const { t } = useTranslation(['commitment', 'errors']);
  const form = useForm();
  const [revise] = useMutation(REVISE);
  const [title, setTitle] = useState(commitment.title);
  const [description, setDescription] = useState(commitment.description);
  const [dueDate, setDueDate] = useState(commitment.dueDate);
  const [reason, setReason] = useState('');
  const submit = async () => {
    const changes = {
      ...(title.trim() !== commitment.title ? { title: title.trim() } : {}),
      ...(description.trim() !== commitment.description ? { description: description.trim() } : {}),
      ...(dueDate && dueDate !== commitment.dueDate ? { dueDate } : {}),
    };
    if (!form.check({ title, description, dueDate, reason }, { title: Object.keys(changes).length === 0 && t('nothingChanged') })) return;
    if (
      await form.run(() => revise({ variables: { input: { ...commandOn(commitment), reason: reason.trim(), ...changes } } }), t('revised'))
    ) {
      setReason('');
      await reload();
    }
  };
  return (
    <WriteForm title={t('reviseCommitment')} form={form} onSubmit={submit} reload={reload} submit={t('revise')}>
      <Field label={t('commitmentTitle')} error={form.fieldError('title')}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('description')} error={form.fieldError('description')}>
        {(props) => <textarea {...props} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field label={t('commitmentDueDate')} error={form.fieldError('dueDate')}>
        {(props) => <input {...props} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
      </Field>
      <Field label={t('reason')} error={form.fieldError('reason')}>
        {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </WriteForm>
  );
}

function Complete({ commitment, form, reload }: { commitment: Commitment; form: FormState; reload: Reload }) {
  const { t } = useTranslation(['commitment', 'errors']);
  const [complete] = useMutation(COMPLETE_COMMITMENT);
  const today = usePlatformToday();
  const [chosenOn, setCompletedOn] = useState<string | null>(null);
  const completedOn = chosenOn ?? today;
  const submit = async () => {
    if (!form.check({ completedOn })) return;
    if (await form.run(() => complete({ variables: { input: { ...commandOn(commitment), completedOn } } }), t('commitmentCompleted')))
      await reload();
  };
  return (
    <WriteForm title={t('completeCommitment')} form={form} onSubmit={submit} reload={reload} submit={t('complete')}>
      <Field label={t('completedOn')} error={form.fieldError('completedOn')}>
        {(props) => <input {...props} type="date" max={today} value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} />}
      </Field>
    </WriteForm>
  );
}

function Withdraw({ commitment, form, reload }: { commitment: Commitment; form: FormState; reload: Reload }) {
  const { t } = useTranslation(['commitment', 'errors']);
  const [withdraw] = useMutation(WITHDRAW);
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (!form.check({ reason })) return;
    if (await form.run(() => withdraw({ variables: { input: { ...commandOn(commitment), reason: reason.trim() } } }), t('withdrawn')))
      await reload();
  };
  return (
    <WriteForm title={t('withdrawCommitment')} form={form} onSubmit={submit} reload={reload} submit={t('withdraw')}>
      <p className="muted">{t('withdrawExplained')}</p>
      <Field label={t('withdrawReason')} error={form.fieldError('reason')}>
        {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </WriteForm>
  );
}

/**
 * The owner's focal point: revise the commitment (a reason kept in the history), complete it once active, or withdraw
 * it. Once it is completed or withdrawn (`open` false) the forms go, and the confirmation of the write that closed it
 * stays in their place.
 */
export function Lifecycle({ commitment, open, reload }: { commitment: Commitment; open: boolean; reload: Reload }) {
  const { t } = useTranslation('commitment');
  const completeForm = useForm();
  const withdrawForm = useForm();
  if (!open) {
    return (
      <>
        <FormOutcome form={completeForm} />
        <FormOutcome form={withdrawForm} />
      </>
    );
  }
  return (
    <section aria-labelledby="lifecycle-heading" className="workspace">
      <h2 id="lifecycle-heading">{t('lifecycle')}</h2>
      <Revise commitment={commitment} reload={reload} />
      {commitment.status === 'ACTIVE' ? (
        <Complete commitment={commitment} form={completeForm} reload={reload} />
      ) : (
        <p className="notice">{t('completeNeedsActive')}</p>
      )}
      <Withdraw commitment={commitment} form={withdrawForm} reload={reload} />
    </section>
  );
}
