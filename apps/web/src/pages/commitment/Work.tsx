import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from '../../components/Field';
import { FormOutcome, type FormState, useForm } from '../../forms';
import { formatDate } from '../../i18n';
import {
  ADD_TASK,
  ASSIGN_TASK,
  type Commitment,
  COMPLETE_MILESTONE,
  COMPLETE_TASK,
  REOPEN_MILESTONE,
  REOPEN_TASK,
  RESCHEDULE,
  SCHEDULE,
} from './queries';
import { commandOn, WriteForm } from './WriteForm';

type Reload = () => Promise<unknown>;
type Item = { readonly id: string; readonly title: string };

/** A choice among milestones or tasks, with a first option that asks to choose. */
function ItemSelect({
  label,
  items,
  value,
  onChange,
  error,
}: {
  label: string;
  items: readonly Item[];
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('commitment');
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('choose')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A titled item with a due date (a milestone, a task): one form for both mutations. */
function NewDatedItem({
  heading,
  titleLabel,
  submitLabel,
  done,
  send,
  reload,
}: {
  heading: string;
  titleLabel: string;
  submitLabel: string;
  done: string;
  send: (fields: { title: string; dueDate: string }) => Promise<unknown>;
  reload: Reload;
}) {
  const { t } = useTranslation(['commitment', 'errors']);
  const form = useForm();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const submit = async () => {
    if (!form.check({ title, dueDate })) return;
    if (await form.run(() => send({ title: title.trim(), dueDate }), done)) {
      setTitle('');
      setDueDate('');
      await reload();
    }
  };
  return (
    <WriteForm title={heading} form={form} onSubmit={submit} reload={reload} submit={submitLabel}>
      <Field label={titleLabel} error={form.fieldError('title')}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('dueDate')} error={form.fieldError('dueDate')}>
        {(props) => <input {...props} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
      </Field>
    </WriteForm>
  );
}

function ScheduleMilestone({ commitment, reload }: { commitment: Commitment; reload: Reload }) {
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

function RescheduleMilestone({ commitment, open, reload }: { commitment: Commitment; open: readonly Item[]; reload: Reload }) {
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

/** Reopen a completed milestone or task, with the reason the history keeps. */
function Reopen({
  title,
  label,
  done,
  send,
  reload,
}: {
  title: string;
  label: string;
  done: readonly Item[];
  send: (id: string, reason: string) => Promise<unknown>;
  reload: Reload;
}) {
  const { t } = useTranslation(['commitment', 'errors']);
  const form = useForm();
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (!form.check({ item: id, reason })) return;
    if (await form.run(() => send(id, reason.trim()), t('reopened'))) {
      setId('');
      setReason('');
      await reload();
    }
  };
  return (
    <WriteForm title={title} form={form} onSubmit={submit} reload={reload} submit={t('reopen')}>
      <ItemSelect label={label} items={done} value={id} onChange={setId} error={form.fieldError('item')} />
      <Field label={t('reason')} error={form.fieldError('reason')}>
        {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </WriteForm>
  );
}

/** Mark one of the open items done, each with its own button; the outcome shows under the list. */
function CompleteItems({
  title,
  items,
  send,
  success,
  reload,
}: {
  title: string;
  items: readonly Item[];
  send: (id: string) => Promise<unknown>;
  success: string;
  reload: Reload;
}) {
  const { t } = useTranslation('commitment');
  const form = useForm();
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ul className="plain">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              disabled={form.saving}
              onClick={() => void form.run(() => send(item.id), success).then((ok) => (ok ? reload() : undefined))}
            >
              {t('markDone', { title: item.title })}
            </button>
          </li>
        ))}
      </ul>
      <FormOutcomeBelow form={form} reload={reload} />
    </div>
  );
}

function FormOutcomeBelow({ form, reload }: { form: FormState; reload: Reload }) {
  return <FormOutcome form={form} onReload={() => void reload().then(form.reset)} />;
}

function AddTask({ commitment, reload }: { commitment: Commitment; reload: Reload }) {
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

function AssignTask({ commitment, open, reload }: { commitment: Commitment; open: readonly Item[]; reload: Reload }) {
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

/** Milestones and tasks with their deadline status; the forms the reader's role allows while the commitment is open. */
export function Work({
  commitment,
  owner,
  contributor,
  writable,
  reload,
}: {
  commitment: Commitment;
  owner: boolean;
  contributor: boolean;
  writable: boolean;
  reload: Reload;
}) {
  const { t, i18n } = useTranslation(['commitment', 'common']);
  const date = (value: string) => formatDate(value, i18n.language);
  const [completeMilestone] = useMutation(COMPLETE_MILESTONE);
  const [reopenMilestone] = useMutation(REOPEN_MILESTONE);
  const [completeTask] = useMutation(COMPLETE_TASK);
  const [reopenTask] = useMutation(REOPEN_TASK);
  const openMilestones = commitment.milestones.filter((m) => !m.completedOn);
  const doneMilestones = commitment.milestones.filter((m) => m.completedOn);
  const openTasks = commitment.tasks.filter((task) => !task.completedOn);
  const doneTasks = commitment.tasks.filter((task) => task.completedOn);
  const names = new Map(commitment.plan.stakeholders.map((s) => [s.id, s.name]));
  return (
    <>
      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('milestones')}</h2>
        {commitment.milestones.length === 0 ? (
          <p>{t('noMilestones')}</p>
        ) : (
          <ul className="plain">
            {commitment.milestones.map((m) => (
              <li key={m.id}>
                <span className={`badge deadline-${m.status}`}>{t(`common:deadline.${m.status}`)}</span>{' '}
                <Link to={`/milestones/${m.id}`}>{m.title}</Link> · {t('due', { date: date(m.dueDate) })}
                {m.moves > 0 && <> · {t('movedFrom', { date: date(m.originalDueDate), count: m.moves, days: m.daysMoved })}</>}
                {m.completedOn && <> · {t('doneOn', { date: date(m.completedOn) })}</>}
              </li>
            ))}
          </ul>
        )}
        {writable && owner && (
          <div className="workspace">
            <ScheduleMilestone commitment={commitment} reload={reload} />
            {openMilestones.length > 0 && <RescheduleMilestone commitment={commitment} open={openMilestones} reload={reload} />}
            {openMilestones.length > 0 && (
              <CompleteItems
                title={t('completeMilestone')}
                items={openMilestones}
                success={t('completed')}
                reload={reload}
                send={(milestoneId) => completeMilestone({ variables: { input: { ...commandOn(commitment), milestoneId } } })}
              />
            )}
            {doneMilestones.length > 0 && (
              <Reopen
                title={t('reopenMilestone')}
                label={t('milestone')}
                done={doneMilestones}
                reload={reload}
                send={(milestoneId, reason) => reopenMilestone({ variables: { input: { ...commandOn(commitment), milestoneId, reason } } })}
              />
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">{t('tasks')}</h2>
        {commitment.tasks.length === 0 ? (
          <p>{t('noTasks')}</p>
        ) : (
          <ul className="plain">
            {commitment.tasks.map((task) => (
              <li key={task.id}>
                <span className={`badge deadline-${task.status}`}>{t(`common:deadline.${task.status}`)}</span> {task.title} ·{' '}
                {t('due', { date: date(task.dueDate) })}
                {task.assignee && (
                  <>
                    {' '}
                    ·{' '}
                    {t('assignedTo', {
                      name: task.assignee.kind === 'STAKEHOLDER' ? (names.get(task.assignee.id) ?? t('aStakeholder')) : t('aParticipant'),
                    })}
                  </>
                )}
                {task.completedOn && <> · {t('doneOn', { date: date(task.completedOn) })}</>}
              </li>
            ))}
          </ul>
        )}
        {writable && contributor && (
          <div className="workspace">
            <AddTask commitment={commitment} reload={reload} />
            {owner && openTasks.length > 0 && <AssignTask commitment={commitment} open={openTasks} reload={reload} />}
            {openTasks.length > 0 && (
              <CompleteItems
                title={t('completeTask')}
                items={openTasks}
                success={t('taskCompleted')}
                reload={reload}
                send={(taskId) => completeTask({ variables: { input: { ...commandOn(commitment), taskId } } })}
              />
            )}
            {owner && doneTasks.length > 0 && (
              <Reopen
                title={t('reopenTask')}
                label={t('task')}
                done={doneTasks}
                reload={reload}
                send={(taskId, reason) => reopenTask({ variables: { input: { ...commandOn(commitment), taskId, reason } } })}
              />
            )}
          </div>
        )}
      </section>
    </>
  );
}
