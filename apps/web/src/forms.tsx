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
  /**
   * Before sending: refuses each of `required` left empty (blank text counts as empty) and each message of `more` that
   * is set, next to its field; answers whether the form may be sent.
   */
  check(required: Readonly<Record<string, string>>, more?: Readonly<Record<string, string | false | undefined>>): boolean;
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
  const { t } = useTranslation('errors');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<MutationProblem>();
  const [local, setLocal] = useState<Readonly<Record<string, string>>>({});
  const [done, setDone] = useState<string>();
  const reset = useCallback(() => {
    setProblem(undefined);
    setLocal({});
    setDone(undefined);
  }, []);
  const refuse = (fields: Readonly<Record<string, string>>) => {
    setDone(undefined);
    setProblem(undefined);
    setLocal(fields);
  };
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
    refuse,
    check: (required, more = {}) => {
      const refused: Record<string, string> = {};
      for (const [name, value] of Object.entries(required)) if (!value.trim()) refused[name] = t('field.required');
      for (const [name, message] of Object.entries(more)) if (message && !refused[name]) refused[name] = message;
      if (Object.keys(refused).length === 0) return true;
      refuse(refused);
      return false;
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
