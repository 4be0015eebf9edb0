import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient } from '@apollo/client/react';
import { readProblemOf, TRANSIENT } from '../query-errors';

/** While the api cannot be reached, a page asks again this often (and at once when the browser is back online). */
export const RETRY_EVERY_MS = 15_000;

export interface QueryStateProps {
  /** Still waiting for a first answer. */
  readonly loading: boolean;
  readonly error: unknown;
  /** What the page already has: pass it so a failed refresh keeps it on screen, with a notice. */
  readonly data?: unknown;
  /** Asks again; without it, every query on screen is asked again. */
  readonly refetch?: () => Promise<unknown>;
  readonly children: ReactNode;
}

/**
 * Loading and error states of a query, announced to screen readers; the content once there is data.
 *
 * An error is said in plain words in the reader's language (never the api's text). When the page already has data,
 * it stays on screen under a notice saying it may be out of date; either way the reader can try again, and while
 * the api cannot be reached the page tries again by itself.
 */
export function QueryState({ loading, error, data, refetch, children }: QueryStateProps) {
  const { t } = useTranslation('common');
  const client = useApolloClient();
  const [retrying, setRetrying] = useState(false);
  const problem = error ? readProblemOf(error) : undefined;
  const hasData = data !== undefined && data !== null;

  const retry = () => {
    setRetrying(true);
    const asked = refetch ? refetch() : client.refetchObservableQueries();
    void asked.catch(() => undefined).finally(() => setRetrying(false));
  };

  useEffect(() => {
    if (!problem || !TRANSIENT.has(problem)) return;
    const timer = setInterval(() => {
      if (typeof navigator === 'undefined' || navigator.onLine)
        void (refetch ? refetch() : client.refetchObservableQueries()).catch(() => undefined);
    }, RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, [problem, refetch, client]);

  if (problem) {
    const message = t(`query.${problem}`);
    const button = (
      <button type="button" className="retry" onClick={retry} disabled={retrying}>
        {retrying ? t('query.retrying') : t('query.retry')}
      </button>
    );
    if (hasData) {
      return (
        <>
          <div role="status" className="notice stale">
            <p>
              {message} {t('query.stale')}
            </p>
            {button}
          </div>
          {children}
        </>
      );
    }
    return (
      <div role="alert" className="notice error-notice">
        <p className="error">{message}</p>
        {TRANSIENT.has(problem) && <p>{t('query.auto')}</p>}
        {button}
      </div>
    );
  }
  if (loading && !hasData) return <p role="status">{t('app.loading')}</p>;
  return <>{children}</>;
}
