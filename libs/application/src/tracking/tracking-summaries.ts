import { atRiskReason, type CommitmentStatus } from '#domain';
import { planStakeholdersTable } from '../catalogue/projections/plans.projection.js';
import { stakeholdersTable } from '../catalogue/projections/stakeholders.projection.js';
import type { SqlQueries } from '../read-model/sql-queries.js';
import { milestoneTalliesTable } from './milestone-tallies.js';
import type { StakeholderRow, TallyRow, TrackedRow } from './tracking-rows.js';
import { trackedCommitmentsTable } from './tracking-tables.js';
import type { AtRiskView, TrackingGroup } from './tracking-views.js';

/** Milestones of one area, owner and state: how many, how many due on or before the day, and how many due before it. */
export type MilestoneCount = Pick<TallyRow, 'area_code' | 'owner_id' | 'state'> & {
  readonly n: number;
  readonly due: number;
  readonly due_before: number;
};

/**
 * The plan's milestones by area, owner and state on `today` (OPEN, ON_TIME, LATE; withdrawn commitments' left out),
 * from their tallies — as of a day, from the changes recorded by then: how many, how many due on or before today,
 * and how many due before it.
 */
export function milestoneCounts(sql: SqlQueries, planId: string, today: string, ownerId?: string): MilestoneCount[] {
  const asOf = sql.day !== null;
  return sql.all<MilestoneCount>(
    `SELECT area_code, owner_id, state, sum(delta) AS n, total(CASE WHEN due_date <= ? THEN delta END) AS due, total(CASE WHEN due_date < ? THEN delta END) AS due_before
       FROM ${sql.table(milestoneTalliesTable)} WHERE plan_id = ?${ownerId ? ' AND owner_id = ?' : ''}${asOf ? ' AND day <= ?' : ''}
      GROUP BY area_code, owner_id, state`,
    today,
    today,
    planId,
    ...(ownerId ? [ownerId] : []),
    ...(asOf ? [today] : []),
  );
}

type SummaryRow = Pick<
  TrackedRow,
  | 'commitment_id'
  | 'area_code'
  | 'owner_id'
  | 'status'
  | 'made_on'
  | 'activated_on'
  | 'due_date'
  | 'latest_percent'
  | 'reports_current'
  | 'reports_independent'
>;

type Group = {
  statuses: Map<CommitmentStatus, number>;
  onTime: number;
  late: number;
  overdue: number;
  reports: number;
  independent: number;
  atRisk: AtRiskView[];
};

/** Why an open commitment is at risk on `today` (expected against reported percent), or undefined when it is not. */
function atRisk(row: SummaryRow, today: string): AtRiskView | undefined {
  if (row.status !== 'PROPOSED' && row.status !== 'ACTIVE') return undefined;
  const reason = atRiskReason(row.activated_on ?? row.made_on, row.due_date, row.latest_percent, false, today);
  return reason ? { commitmentId: row.commitment_id, ...reason } : undefined;
}

/**
 * A plan's tracking figures on `today`, grouped by thematic area and by the owners' stakeholder kind: one pass over
 * the commitments' rows (their status, standing and independent reports, and the at-risk rule of libs/domain on their
 * latest percent), and the milestone tallies (met, missed, overdue). Withdrawn commitments count in
 * `commitmentsByStatus` only.
 */
export function summaries(sql: SqlQueries, planId: string, today: string): { byArea: TrackingGroup[]; byKind: TrackingGroup[] } {
  const kinds = new Map(
    sql
      .all<Pick<StakeholderRow, 'stakeholder_id' | 'kind'>>(
        `SELECT s.stakeholder_id, s.kind FROM ${sql.table(stakeholdersTable)} s JOIN ${sql.table(planStakeholdersTable)} ps ON ps.stakeholder_id = s.stakeholder_id WHERE ps.plan_id = ?`,
        planId,
      )
      .map((row): [string, string] => [row.stakeholder_id, row.kind]),
  );
  const commitments = sql.all<SummaryRow>(
    `SELECT commitment_id, area_code, owner_id, status, made_on, activated_on, due_date, latest_percent, reports_current, reports_independent
       FROM ${sql.table(trackedCommitmentsTable)} WHERE plan_id = ?`,
    planId,
  );
  const milestones = milestoneCounts(sql, planId, today);
  const byArea = new Map<string, Group>();
  const byKind = new Map<string, Group>();
  const groupOf = (groups: Map<string, Group>, key: string): Group => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { statuses: new Map(), onTime: 0, late: 0, overdue: 0, reports: 0, independent: 0, atRisk: [] }));
    return group;
  };
  // A tally of a milestone whose commitment the log never made has no area or owner: it counts under '' and OTHER.
  const groupsOf = (area: string | null, owner: string | null): Group[] => [
    groupOf(byArea, area ?? ''),
    groupOf(byKind, (owner === null ? undefined : kinds.get(owner)) ?? 'OTHER'),
  ];
  for (const row of commitments) {
    const risk = atRisk(row, today);
    for (const g of groupsOf(row.area_code, row.owner_id)) {
      g.statuses.set(row.status, (g.statuses.get(row.status) ?? 0) + 1);
      if (row.status === 'WITHDRAWN') continue;
      g.reports += row.reports_current;
      g.independent += row.reports_independent;
      if (risk) g.atRisk.push(risk);
    }
  }
  for (const row of milestones) {
    for (const g of groupsOf(row.area_code, row.owner_id)) {
      if (row.state === 'ON_TIME') g.onTime += row.n;
      else if (row.state === 'LATE') g.late += row.n;
      else g.overdue += row.due_before;
    }
  }
  const list = (groups: Map<string, Group>): TrackingGroup[] =>
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, g]) => ({
        key,
        commitmentsByStatus: [...g.statuses.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => ({ status, count })),
        milestonesOnTime: g.onTime,
        milestonesLate: g.late,
        milestonesOverdue: g.overdue,
        verifiedShare: g.reports === 0 ? null : g.independent / g.reports,
        atRisk: g.atRisk.length,
        atRiskCommitments: g.atRisk,
      }));
  return { byArea: list(byArea), byKind: list(byKind) };
}
