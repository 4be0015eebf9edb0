import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { FormOutcome, type FormState, useForm } from '../../forms';
import { WriteForm } from './WriteForm';

export type Reload = () => Promise<unknown>;
export type Item = { readonly id: string; readonly title: string };

/** A choice among milestones or tasks, with a first option that asks to choose. */
export function ItemSelect({
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
export function NewDatedItem({
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

/**
 * Whether a form on a list of items is shown: while the list has items, and after the last one is gone for as long
 * as the form has something to say (the confirmation of the write that emptied the list, or its refusal).
 */
export function stillShown(items: readonly unknown[], form: FormState): boolean {
  return items.length > 0 || form.done !== undefined || form.problem !== undefined;
}

/** Reopen a completed milestone or task, with the reason the history keeps. */
export function Reopen({
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
  if (!stillShown(done, form)) return null;
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
export function CompleteItems({
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
  if (!stillShown(items, form)) return null;
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
