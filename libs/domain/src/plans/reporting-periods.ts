import type { CalendarDate } from '../shared/values.js';
import type { ReportingCycle } from './plan.events.js';

/** One reporting period of a plan: `2010`, `2010-H2` or `2010-Q3`, clipped to the plan period. */
export interface ReportingPeriod {
  readonly id: string;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

const MONTHS: Record<ReportingCycle, number> = { ANNUAL: 12, SEMI_ANNUAL: 6, QUARTERLY: 3 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The periods a plan's commitments report for, derived from its cycle (annual: calendar years). */
export function reportingPeriods(plan: {
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  reportingCycle: ReportingCycle;
}): ReportingPeriod[] {
  const months = MONTHS[plan.reportingCycle];
  const periods: ReportingPeriod[] = [];
  const firstYear = Number(plan.periodStart.slice(0, 4));
  const lastYear = Number(plan.periodEnd.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (let from = 1; from <= 12; from += months) {
      const to = from + months - 1;
      const start = `${year}-${pad(from)}-01`;
      const end = `${year}-${pad(to)}-${pad(lastDay(year, to))}`;
      if (end < plan.periodStart || start > plan.periodEnd) continue;
      const id = months === 12 ? `${year}` : months === 6 ? `${year}-H${(from + 5) / 6}` : `${year}-Q${(from + 2) / 3}`;
      periods.push({ id, start: start < plan.periodStart ? plan.periodStart : start, end: end > plan.periodEnd ? plan.periodEnd : end });
    }
  }
  return periods;
}
