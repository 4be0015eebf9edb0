import { deadlineStatus } from '#domain';
import { commitmentsTable } from '../catalogue/projections/commitments.projection.js';
import { stakeholdersTable } from '../catalogue/projections/stakeholders.projection.js';
import type { SqlQueries } from '../read-model/sql-queries.js';
import { tasksTable } from './tasks.projection.js';
import type { MilestoneRow, TrackedRow } from './tracking-rows.js';
import { milestonesTable, trackedCommitmentsTable } from './tracking-tables.js';
import type { DeadlineFilter, DeadlineKind, DeadlineView } from './tracking-views.js';

/** How far ahead a deadline counts as due soon (DOMAIN.md's default warning window). */
export const WARNING_WINDOW_DAYS = 30;

/** A commitment, milestone or task as the deadline list reads it (the columns the three tables share, by the milestones' names). */
type DeadlineRow = Pick<
  MilestoneRow,
  'title' | 'commitment_id' | 'due_date' | 'original_due_date' | 'completed_on' | 'moves' | 'days_moved'
> & {
  readonly kind: DeadlineKind;
  readonly id: string;
};

/** The plan's withdrawn commitments: no longer deadlines, nor in any deadline figure. */
export function withdrawnCommitments(sql: SqlQueries, planId: string): Set<string> {
  return new Set(
    sql
      .all<Pick<TrackedRow, 'commitment_id'>>(
        `SELECT commitment_id FROM ${sql.table(trackedCommitmentsTable)} WHERE plan_id = ? AND status = 'WITHDRAWN'`,
        planId,
      )
      .map((row) => row.commitment_id),
  );
}

/** Commitments, milestones and tasks of a plan with their deadline status on `today`, sorted by due date. */
export function deadlines(sql: SqlQueries, planId: string, filter: DeadlineFilter, today: string): DeadlineView[] {
  const conditions = ['plan_id = ?'];
  const params: unknown[] = [planId];
  if (filter.from) {
    conditions.push('due_date >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    conditions.push('due_date <= ?');
    params.push(filter.to);
  }
  if (filter.thematicArea) {
    conditions.push('area_code = ?');
    params.push(filter.thematicArea);
  }
  if (filter.ownerKind) {
    conditions.push(`owner_id IN (SELECT stakeholder_id FROM ${sql.table(stakeholdersTable)} WHERE kind = ?)`);
    params.push(filter.ownerKind);
  }
  const where = conditions.join(' AND ');
  const withdrawn = withdrawnCommitments(sql, planId);
  const rows = sql.all<DeadlineRow>(
    `SELECT 'COMMITMENT' AS kind, commitment_id AS id, title, commitment_id, due_date, original_due_date, completed_on, due_moves AS moves, due_days_moved AS days_moved
       FROM ${sql.table(commitmentsTable)} WHERE ${where} AND status != 'WITHDRAWN'
     UNION ALL
     SELECT 'MILESTONE', milestone_id, title, commitment_id, due_date, original_due_date, completed_on, moves, days_moved
       FROM ${sql.table(milestonesTable)} WHERE ${where}
     UNION ALL
     SELECT 'TASK', t.task_id, t.title, t.commitment_id, t.due_date, t.due_date, t.completed_on, 0, 0
       FROM ${sql.table(tasksTable)} t JOIN ${sql.table(trackedCommitmentsTable)} tc ON tc.commitment_id = t.commitment_id
      WHERE ${where.replace(/\b(plan_id|due_date|area_code|owner_id)\b/g, (column) => (column === 'due_date' ? 't.due_date' : `tc.${column}`))}
     ORDER BY due_date, kind, id`,
    ...params,
    ...params,
    ...params,
  );
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  const result: DeadlineView[] = [];
  for (const row of rows) {
    if (withdrawn.has(row.commitment_id)) continue;
    const status = deadlineStatus(row.due_date, row.completed_on, today, WARNING_WINDOW_DAYS);
    if (statuses && !statuses.has(status)) continue;
    result.push({
      kind: row.kind,
      id: row.id,
      title: row.title,
      commitmentId: row.commitment_id,
      dueDate: row.due_date,
      originalDueDate: row.original_due_date,
      completedOn: row.completed_on,
      moves: row.moves,
      daysMoved: row.days_moved,
      status,
    });
  }
  return result;
}
