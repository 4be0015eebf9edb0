import type { CalendarDate } from './values.js';

export const DEADLINE_STATUSES = ['DONE', 'DONE_LATE', 'OVERDUE', 'DUE_SOON', 'UPCOMING'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Days from `from` to `to` (calendar dates; negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * DOMAIN.md's deadline rule for something due on `due`, on day `today`: DONE (completed on or before the due
 * date), DONE_LATE (completed after it), OVERDUE (not completed and today is after the due date), DUE_SOON (not
 * completed and due within the warning window; due today counts), UPCOMING otherwise.
 */
export function deadlineStatus(due: CalendarDate, completedOn: CalendarDate | null, today: CalendarDate, warningDays = 30): DeadlineStatus {
  if (completedOn !== null) return completedOn <= due ? 'DONE' : 'DONE_LATE';
  if (today > due) return 'OVERDUE';
  return daysBetween(today, due) <= warningDays ? 'DUE_SOON' : 'UPCOMING';
}

/**
 * The linear expectation (DOMAIN.md) on `today`: the percent a commitment should have reached if it progressed
 * evenly from its start to its due date; 100 once the due date has come (or when it starts on or after it).
 */
export function expectedPercent(start: CalendarDate, due: CalendarDate, today: CalendarDate): number {
  const span = daysBetween(start, due);
  if (span <= 0) return 100;
  return (100 * Math.min(Math.max(daysBetween(start, today), 0), span)) / span;
}

/** How far behind a commitment may fall before it is at risk, in points of percent. */
export const AT_RISK_MARGIN = 20;

/** Why a commitment is at risk: what the linear expectation asked for against what was last reported (null: nothing). */
export interface AtRiskReason {
  readonly expectedPercent: number;
  readonly reportedPercent: number | null;
}

/**
 * At risk (DOMAIN.md): not completed, and the latest reported percent is more than 20 points below the linear
 * expectation between the commitment's start and its due date. Silence counts: with no reported percent
 * (`latestPercent` null) it is at risk once the expectation is more than 20 points above zero. Returns why, or null
 * when it is not at risk.
 */
export function atRiskReason(
  start: CalendarDate,
  due: CalendarDate,
  latestPercent: number | null,
  completed: boolean,
  today: CalendarDate,
): AtRiskReason | null {
  if (completed) return null;
  const expected = expectedPercent(start, due, today);
  return (latestPercent ?? 0) < expected - AT_RISK_MARGIN ? { expectedPercent: expected, reportedPercent: latestPercent } : null;
}

export const isAtRisk = (
  start: CalendarDate,
  due: CalendarDate,
  latestPercent: number | null,
  completed: boolean,
  today: CalendarDate,
): boolean => atRiskReason(start, due, latestPercent, completed, today) !== null;

/**
 * Whether a commitment owes a report for a reporting period (DOMAIN.md): it was active at some point in the period,
 * i.e. activated on or before its last day and not completed or withdrawn before its first day.
 */
export function owesReport(
  activatedOn: CalendarDate | null,
  endedOn: CalendarDate | null,
  period: { start: CalendarDate; end: CalendarDate },
): boolean {
  return activatedOn !== null && activatedOn <= period.end && (endedOn === null || endedOn >= period.start);
}
