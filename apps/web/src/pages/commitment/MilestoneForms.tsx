import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useForm } from '../../forms';
import { type Item, ItemSelect, NewDatedItem, type Reload, stillShown } from './ItemForms';
import { type Commitment, RESCHEDULE, SCHEDULE } from './queries';
import { commandOn, WriteForm } from './WriteForm';

export function ScheduleMilestone({ commitment, reload }: { commitment: Commitment; reload: Reload }) {
  const { t } = useTranslation('commitment');
  const [schedule] = useMutation(SCHEDULE);
  return (
    <NewDatedItem
      heading={t('scheduleMilestone')}
      titleLabel={t('milestoneTitle')}
      submitLabel={t('schedule')}
      done={t('scheduled')}
      send={(fields) => schedule({ variables: { input: { ...commandOn(commitment), ...fields } } })}
      reload={reload}
    />
  );
}

export function RescheduleMilestone({ commitment, open, reload }: { commitment: Commitment; open: readonly Item[]; reload: Reload }) {
  const { t } = useTranslation(['commitment', 'errors']);
  const form = useForm();
  const [reschedule] = useMutation(RESCHEDULE);
  const [milestoneId, setMilestoneId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (!form.check({ milestoneId, dueDate, reason })) return;
    if (
      await form.run(
        () => reschedule({ variables: { input: { ...commandOn(commitment), milestoneId, dueDate, reason: reason.trim() } } }),
        t('rescheduled'),
      )
    ) {
      setReason('');
      setDueDate('');
      await reload();
    }
  };
  if (!stillShown(open, form)) return null;
  return (
    <WriteForm title={t('rescheduleMilestone')} form={form} onSubmit={submit} reload={reload} submit={t('reschedule')}>
      <ItemSelect
        label={t('milestone')}
        items={open}
        value={milestoneId}
        onChange={setMilestoneId}
        error={form.fieldError('milestoneId')}
      />
      <Field label={t('newDueDate')} error={form.fieldError('dueDate')}>
        {(props) => <input {...props} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
      </Field>
      <Field label={t('reason')} error={form.fieldError('reason')}>
        {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </WriteForm>
  );
}
