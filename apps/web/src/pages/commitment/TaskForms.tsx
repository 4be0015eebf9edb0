import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../forms';
import { type Item, ItemSelect, NewDatedItem, type Reload, stillShown } from './ItemForms';
import { ADD_TASK, ASSIGN_TASK, type Commitment } from './queries';
import { commandOn, WriteForm } from './WriteForm';

export function AddTask({ commitment, reload }: { commitment: Commitment; reload: Reload }) {
  const { t } = useTranslation('commitment');
  const [add] = useMutation(ADD_TASK);
  return (
    <NewDatedItem
      heading={t('addTask')}
      titleLabel={t('taskTitle')}
      submitLabel={t('add')}
      done={t('taskAdded')}
      send={(fields) => add({ variables: { input: { ...commandOn(commitment), ...fields } } })}
      reload={reload}
    />
  );
}

export function AssignTask({ commitment, open, reload }: { commitment: Commitment; open: readonly Item[]; reload: Reload }) {
  const { t } = useTranslation(['commitment', 'errors']);
  const form = useForm();
  const [assign] = useMutation(ASSIGN_TASK);
  const [taskId, setTaskId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const submit = async () => {
    if (!form.check({ taskId, assigneeId })) return;
    if (
      await form.run(
        () => assign({ variables: { input: { ...commandOn(commitment), taskId, assigneeKind: 'STAKEHOLDER', assigneeId } } }),
        t('taskAssigned'),
      )
    ) {
      setTaskId('');
      await reload();
    }
  };
  if (!stillShown(open, form)) return null;
  return (
    <WriteForm title={t('assignTask')} form={form} onSubmit={submit} reload={reload} submit={t('assign')}>
      <ItemSelect label={t('task')} items={open} value={taskId} onChange={setTaskId} error={form.fieldError('taskId')} />
      <ItemSelect
        label={t('assignee')}
        items={commitment.plan.stakeholders.map((s) => ({ id: s.id, title: s.name }))}
        value={assigneeId}
        onChange={setAssigneeId}
        error={form.fieldError('assigneeId')}
      />
    </WriteForm>
  );
}
