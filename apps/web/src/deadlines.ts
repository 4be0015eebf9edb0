import type { DeadlineStatus } from './gql/graphql';

/** Order of a deadline timeline: what is overdue first, then due soon, upcoming, and what is done last. */
const RANK: Record<DeadlineStatus, number> = { OVERDUE: 0, DUE_SOON: 1, UPCOMING: 2, DONE_LATE: 3, DONE: 4 };

export function timelineOrder<T extends { status: DeadlineStatus; dueDate: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => RANK[a.status] - RANK[b.status] || a.dueDate.localeCompare(b.dueDate));
}
