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
 * At risk (DOMAIN.md): not completed, and the latest reported percent is more than 20 points below the linear
 * expectation between the commitment's start and its due date.
 */
export function isAtRisk(start: CalendarDate, due: CalendarDate, latestPercent: number | null, completed: boolean, today: CalendarDate): boolean {
  if (completed || latestPercent === null) return false;
  const span = daysBetween(start, due);
  const elapsed = Math.min(Math.max(daysBetween(start, today), 0), Math.max(span, 0));
  const expected = span <= 0 ? 100 : (100 * elapsed) / span;
  return latestPercent < expected - 20;
}
