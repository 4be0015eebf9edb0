import { type CommitmentStatus, owesReport, type ReportingPeriod, reportingPeriods } from '#domain';
import { commitmentsTable } from '../catalogue/projections/commitments.projection.js';
import { plansTable } from '../catalogue/projections/plans.projection.js';
import type { SqlQueries } from '../read-model/sql-queries.js';
import type { CommitmentRow, PlanRow, ReportRow } from './tracking-rows.js';
import { milestoneCounts } from './tracking-summaries.js';
import { progressReportsTable } from './tracking-tables.js';
import type { PeriodCompliance, ScorecardView } from './tracking-views.js';

type Owned = Pick<CommitmentRow, 'commitment_id' | 'title' | 'status' | 'activated_on' | 'completed_on' | 'withdrawn_on'>;

/** The reporting periods of a plan, from its row (none when the plan is not in the read model). */
export function planPeriods(sql: SqlQueries, planId: string): ReportingPeriod[] {
  const plan = sql.get<Pick<PlanRow, 'period_start' | 'period_end' | 'reporting_cycle'>>(
    `SELECT period_start, period_end, reporting_cycle FROM ${sql.table(plansTable)} WHERE plan_id = ?`,
    planId,
  );
  return plan ? reportingPeriods({ periodStart: plan.period_start, periodEnd: plan.period_end, reportingCycle: plan.reporting_cycle }) : [];
}

/**
 * A stakeholder's record in a plan on `today`: its commitments, milestones kept, and for each closed reporting period
 * the reports it owed (one per commitment active at some point in the period), how many came on time, and which are
 * missing. `closedPeriods`: the plan's closed periods, oldest first.
 */
export function scorecard(
  sql: SqlQueries,
  stakeholderId: string,
  planId: string,
  today: string,
  closedPeriods: readonly { period: string }[],
): ScorecardView {
  const owned = sql.all<Owned>(
    `SELECT commitment_id, title, status, activated_on, completed_on, withdrawn_on FROM ${sql.table(commitmentsTable)} WHERE owner_id = ? AND plan_id = ? ORDER BY created_position`,
    stakeholderId,
    planId,
  );
  const count = (status: CommitmentStatus) => owned.filter((commitment) => commitment.status === status).length;
  const milestones = milestoneCounts(sql, planId, today, stakeholderId);
  const reports = sql.all<Pick<ReportRow, 'commitment_id' | 'period' | 'late'>>(
    `SELECT commitment_id, period, late FROM ${sql.table(progressReportsTable)} WHERE owner_id = ? AND plan_id = ? AND superseded_by IS NULL`,
    stakeholderId,
    planId,
  );
  const standing = new Map(reports.map((r) => [`${r.commitment_id}|${r.period}`, r]));
  const spans = new Map(planPeriods(sql, planId).map((p) => [p.id, p]));
  const compliance: PeriodCompliance[] = closedPeriods.flatMap(({ period }) => {
    const span = spans.get(period);
    if (!span) return [];
    let onTime = 0;
    let late = 0;
    const missing: { commitmentId: string; title: string }[] = [];
    const owing = owned.filter((c) => owesReport(c.activated_on, c.completed_on ?? c.withdrawn_on, span));
    for (const commitment of owing) {
      const report = standing.get(`${commitment.commitment_id}|${period}`);
      if (!report) missing.push({ commitmentId: commitment.commitment_id, title: commitment.title });
      else if (report.late) late += 1;
      else onTime += 1;
    }
    return [{ period, owed: owing.length, onTime, late, missing }];
  });
  const owed = compliance.reduce((sum, p) => sum + p.owed, 0);
  return {
    made: owned.length,
    active: count('ACTIVE'),
    completed: count('COMPLETED'),
    withdrawn: count('WITHDRAWN'),
    milestonesOnTime: milestones.reduce((sum, row) => sum + (row.state === 'ON_TIME' ? row.n : 0), 0),
    milestonesDue: milestones.reduce((sum, row) => sum + row.due, 0),
    compliance,
    complianceRate: owed === 0 ? null : compliance.reduce((sum, p) => sum + p.onTime, 0) / owed,
  };
}
