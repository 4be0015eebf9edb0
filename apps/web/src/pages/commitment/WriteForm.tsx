import { type ReactNode, useId } from 'react';
import { FormOutcome, type FormState } from '../../forms';

/** What every write on a commitment sends: a fresh command id and the version the reader saw. */
export interface Target {
  readonly id: string;
  readonly version: number;
}

export const commandOn = (commitment: Target) => ({
  commandId: crypto.randomUUID(),
  expectedVersion: commitment.version,
  commitmentId: commitment.id,
});

/**
 * One form of the commitment page: its heading names it, its own outcome shows right under its button (a stale
 * edit offers to reload, a lost connection to try again), and the browser's own validation stays out of the way.
 */
export function WriteForm({
  title,
  form,
  onSubmit,
  reload,
  submit,
  children,
  level = 3,
}: {
  title: string;
  form: FormState;
  onSubmit: () => Promise<unknown>;
  reload: () => Promise<unknown>;
  submit: string;
  children?: ReactNode;
  level?: 3 | 4;
}) {
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const element = event.currentTarget;
        // A field refused before sending takes the focus, so the reader lands on what to fix.
        void onSubmit().then(() => element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      }}
    >
      <Heading id={headingId}>{title}</Heading>
      {children}
      <div>
        <button type="submit" disabled={form.saving}>
          {submit}
        </button>
      </div>
      <FormOutcome form={form} onReload={() => void reload().then(form.reset)} onRetry={() => void onSubmit()} />
    </form>
  );
}
