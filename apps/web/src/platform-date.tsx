import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_DATE } from './platform-date-query';
import { formatDate } from './i18n';
import { localToday } from './jobs';

/**
 * The platform's date, as the header asked for it when the app started (one request, which the rest of the app reads
 * from the cache).
 */
function usePlatformDate() {
  return useQuery(PLATFORM_DATE, { fetchPolicy: 'cache-first' });
}

/**
 * The platform's date, `YYYY-MM-DD`: the day its deadlines and reporting periods are reckoned from (a demonstration's
 * own calendar under DEMO_DATE). The reader's calendar stands in until the api has answered.
 */
export function usePlatformToday(): string {
  const { data } = usePlatformDate();
  return data?.serverInfo.today ?? localToday();
}

/** On a demonstration's calendar, every page says which day it is there. */
export function DemoCalendarNotice() {
  const { t, i18n } = useTranslation('common');
  const { data } = usePlatformDate();
  if (!data?.serverInfo.demoDate) return null;
  return (
    <p className="demo-calendar" role="note">
      {t('app.demoCalendar', { today: formatDate(data.serverInfo.today, i18n.language) })}
    </p>
  );
}
