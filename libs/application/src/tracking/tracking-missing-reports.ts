import { daysBetween, owesReport } from '#domain';
import { commitmentsTable } from '../catalogue/projections/commitments.projection.js';
import type { SqlQueries } from '../read-model/sql-queries.js';
import type { CommitmentRow, ReportRow } from './tracking-rows.js';
import { planPeriods } from './tracking-scorecard.js';
import { progressReportsTable } from './tracking-tables.js';

/** A report a commitment owed for a period that has ended, and that was not made. */
export interface MissingReport {
  readonly commitmentId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly period: string;
  readonly periodEnd: string;
}

type Owing = Pick<CommitmentRow, 'commitment_id' | 'title' | 'owner_id' | 'activated_on' | 'completed_on' | 'withdrawn_on'>;

/**
 * The reports missing on `today` for the plan's periods that ended within the `withinDays` before it: one per
 * commitment active at some point in such a period (the scorecard's rule) that has no standing report for it.
 */
export function missingReports(sql: SqlQueries, planId: string, today: string, withinDays: number): MissingReport[] {
  const ended = planPeriods(sql, planId).filter((period) => period.end < today && daysBetween(period.end, today) <= withinDays);
  if (ended.length === 0) return [];
  const commitments = sql.all<Owing>(
    `SELECT commitment_id, title, owner_id, activated_on, completed_on, withdrawn_on FROM ${sql.table(commitmentsTable)} WHERE plan_id = ? ORDER BY created_position`,
    planId,
  );
  const standing = new Set(
    sql
      .all<Pick<ReportRow, 'commitment_id' | 'period'>>(
        `SELECT commitment_id, period FROM ${sql.table(progressReportsTable)} WHERE plan_id = ? AND superseded_by IS NULL`,
        planId,
      )
      .map((report) => `${report.commitment_id}|${report.period}`),
  );
  return ended.flatMap((period) =>
    commitments
      .filter(
        (c) => owesReport(c.activated_on, c.completed_on ?? c.withdrawn_on, period) && !standing.has(`${c.commitment_id}|${period.id}`),
      )
      .map((c) => ({ commitmentId: c.commitment_id, title: c.title, ownerId: c.owner_id, period: period.id, periodEnd: period.end })),
  );
}
