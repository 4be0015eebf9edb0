import { RuleViolation } from '../rule-violation.js';

/** A calendar date, `YYYY-MM-DD` (deadlines and periods are days, not instants). */
export type CalendarDate = string;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function requireDate(value: string, rule: string, what: string): CalendarDate {
  if (!isCalendarDate(value)) throw new RuleViolation(rule, `${what} must be a date written YYYY-MM-DD.`);
  return value;
}

export function requireText(value: string, rule: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new RuleViolation(rule, `${what} must not be empty.`);
  return trimmed;
}

/** ISO 3166-1 alpha-2 shape; the edge checks the code against the standard's list. */
export function requireCountry(value: string, rule: string): string {
  if (!/^[A-Z]{2}$/.test(value)) throw new RuleViolation(rule, 'The country must be an ISO 3166-1 alpha-2 code such as NL or CR.');
  return value;
}

/** The calendar date of an instant, in UTC. */
export const dateOf = (instant: Date): CalendarDate => instant.toISOString().slice(0, 10);
