import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MutationProblem, problemOf } from './mutation-errors';

/** A form's state after the api answered: saving, refused (with what and where), or done (with what to say). */
export interface FormState {
  readonly saving: boolean;
  readonly problem: MutationProblem | undefined;
  readonly done: string | undefined;
  /**
   * Sends one write. Answers whether it was accepted; a refusal is kept for {@link FormOutcome} and for the fields it
   * names (see {@link FormState.fieldError}). `success` is what the form says once it is done.
   */
  run(write: () => Promise<unknown>, success: string): Promise<boolean>;
  /** The refusal about `name` (`period`, `target.unit`), in the reader's language, to show next to that field. */
  fieldError(name: string): string | undefined;
  /** A message of the form's own, before anything is sent (a required field left empty, say). */
  refuse(fields: Readonly<Record<string, string>>): void;
  reset(): void;
}

/** The reader's words for a refusal: the app's translation of its code, rule or constraint; the api's words as a last resort. */
export function useProblemText() {
  const { t } = useTranslation('errors');
  const general = (problem: MutationProblem): string => {
    if (problem.rule) return t(`rule.${problem.rule}`, { defaultValue: problem.message });
    return t(`code.${problem.code}`, { defaultValue: t('code.INTERNAL') });
  };
  const field = (problem: MutationProblem, name: string): string | undefined => {
    const found = problem.fields[name];
    if (!found) return undefined;
    if (found.rule) return t(`rule.${found.rule}`, { defaultValue: found.message });
    return t(`field.${found.constraint}`, { defaultValue: t('field.invalid') });
  };
  return { general, field };
}

/** One form's writes: what it is doing, and what the api said about the last one. */
export function useForm(): FormState {
  const text = useProblemText();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<MutationProblem>();
  const [local, setLocal] = useState<Readonly<Record<string, string>>>({});
  const [done, setDone] = useState<string>();
  const reset = useCallback(() => {
    setProblem(undefined);
    setLocal({});
    setDone(undefined);
  }, []);
  const run = async (write: () => Promise<unknown>, success: string): Promise<boolean> => {
    reset();
    setSaving(true);
    try {
      await write();
      setDone(success);
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return {
    saving,
    problem,
    done,
    run,
    fieldError: (name) => local[name] ?? (problem ? text.field(problem, name) : undefined),
    refuse: (fields) => {
      setDone(undefined);
      setProblem(undefined);
      setLocal(fields);
    },
    reset,
  };
}

/**
 * Where the form is: what became of its last write. A refusal about fields says so here and names them next to each
 * field; a stale edit offers to reload; a lost connection offers to try again.
 */
export function FormOutcome({ form, onReload, onRetry }: { form: FormState; onReload?: () => void; onRetry?: () => void }) {
  const { t } = useTranslation('errors');
  const text = useProblemText();
  const { problem, done } = form;
  if (form.saving) return <p role="status">{t('form.saving')}</p>;
  if (problem) {
    const fieldsOnly = Object.keys(problem.fields).length > 0 && !problem.rule;
    return (
      <div role="alert" className="error form-outcome">
        <p>{fieldsOnly ? t('code.BAD_USER_INPUT') : text.general(problem)}</p>
        {problem.code === 'CONFLICT' && onReload && (
          <button type="button" onClick={onReload}>
            {t('form.reload')}
          </button>
        )}
        {(problem.code === 'NETWORK' || problem.code === 'UNAVAILABLE') && onRetry && (
          <button type="button" onClick={onRetry}>
            {t('form.retry')}
          </button>
        )}
      </div>
    );
  }
  if (done) {
    return (
      <p role="status" className="ok form-outcome">
        {done}
      </p>
    );
  }
  return null;
}
