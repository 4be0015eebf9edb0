import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading and error states of a query, announced to screen readers; the content once there is data. */
export function QueryState({ loading, error, children }: { loading: boolean; error: { message: string } | undefined; children: ReactNode }) {
  const { t } = useTranslation('common');
  if (error) return <p role="alert" className="error">{t('app.error', { message: error.message })}</p>;
  if (loading) return <p role="status">{t('app.loading')}</p>;
  return <>{children}</>;
}
