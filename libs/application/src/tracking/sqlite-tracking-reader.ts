import type Database from 'better-sqlite3';
import { type CommitmentStatus, deadlineStatus, isAtRisk, type ReportingCycle, reportingPeriods } from '#domain';
import { placeholders, SqlQueries } from '../read-model/sql-queries.js';
import type {
  DeadlineFilter,
  DeadlineView,
  MilestoneView,
  PeriodCompliance,
  ProgressReportView,
  ScorecardView,
  TaskView,
  TrackingGroup,
} from './tracking-views.js';

/** How far ahead a deadline counts as due soon (DOMAIN.md's default warning window). */
export const WARNING_WINDOW_DAYS = 30;

const INDEPENDENT = "(r.verification = 'VERIFIED' OR r.evidence_type IN ('INDEPENDENTLY_VERIFIED', 'INSPECTION'))";

interface ReportRow {
  report_id: string;
  commitment_id: string;
  period: string;
  percent_complete: number | null;
  indicator_value: number | null;
  narrative: string;
  visibility: ProgressReportView['visibility'];
  evidence_links: string;
  evidence_type: ProgressReportView['evidenceType'];
  reported_on: string;
  late: number;
  corrects: string | null;
  superseded_by: string | null;
  verification: ProgressReportView['verification'];
  verification_note: string | null;
}

/** Milestones, tasks, progress reports, deadlines, summaries and scorecards from the tracking read model. */
export class SqliteTrackingReader {
  readonly sql: SqlQueries;

  constructor(db: Database.Database) {
    this.sql = new SqlQueries(db);
  }

  milestonesOf(commitmentIds: readonly string[]): MilestoneView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<{ milestone_id: string; commitment_id: string; title: string; due_date: string; original_due_date: string; moves: number; days_moved: number; completed_on: string | null }>(
        `SELECT * FROM milestones WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY due_date, created_position`,
        ...commitmentIds,
      )
      .map((r) => ({
        id: r.milestone_id,
        commitmentId: r.commitment_id,
        title: r.title,
        dueDate: r.due_date,
        originalDueDate: r.original_due_date,
        moves: r.moves,
        daysMoved: r.days_moved,
        completedOn: r.completed_on,
      }));
  }

  tasksOf(commitmentIds: readonly string[]): TaskView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<{ task_id: string; commitment_id: string; title: string; due_date: string; assignee_kind: 'PARTICIPANT' | 'STAKEHOLDER' | null; assignee_id: string | null; completed_on: string | null }>(
        `SELECT * FROM tasks WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY due_date, created_position`,
        ...commitmentIds,
      )
      .map((r) => ({
        id: r.task_id,
        commitmentId: r.commitment_id,
        title: r.title,
        dueDate: r.due_date,
        assignee: r.assignee_kind && r.assignee_id ? { kind: r.assignee_kind, id: r.assignee_id } : null,
        completedOn: r.completed_on,
      }));
  }

  /** Every report of the commitments, corrections included, oldest first. */
  reportsOf(commitmentIds: readonly string[]): ProgressReportView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<ReportRow>(`SELECT * FROM progress_reports WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY period, created_position`, ...commitmentIds)
      .map((r) => ({
        id: r.report_id,
        commitmentId: r.commitment_id,
        period: r.period,
        percentComplete: r.percent_complete,
        indicatorValue: r.indicator_value,
        narrative: r.narrative,
        visibility: r.visibility,
        evidenceLinks: JSON.parse(r.evidence_links) as string[],
        evidenceType: r.evidence_type,
        reportedOn: r.reported_on,
        late: r.late === 1,
        corrects: r.corrects,
        supersededBy: r.superseded_by,
        verification: r.verification,
        verificationNote: r.verification_note,
      }));
  }

  closedPeriods(planId: string): { period: string; closedOn: string }[] {
    return this.sql
      .all<{ period: string; closed_on: string }>('SELECT period, closed_on FROM closed_periods WHERE plan_id = ? ORDER BY period', planId)
      .map((r) => ({ period: r.period, closedOn: r.closed_on }));
  }

  /** Commitments, milestones and tasks of a plan with their deadline status on `today`, sorted by due date. */
  deadlines(planId: string, filter: DeadlineFilter, today: string): DeadlineView[] {
    const where = ['c.plan_id = ?'];
    const params: unknown[] = [planId];
    if (filter.ownerKind) {
      where.push('s.kind = ?');
      params.push(filter.ownerKind);
    }
    if (filter.thematicArea) {
      where.push('c.area_code = ?');
      params.push(filter.thematicArea);
    }
    const scope = `FROM commitments c JOIN stakeholders s ON s.stakeholder_id = c.owner_id`;
    const rows = this.sql.all<{ kind: DeadlineView['kind']; id: string; title: string; commitment_id: string; due_date: string; original_due_date: string; completed_on: string | null; moves: number; days_moved: number }>(
      `SELECT 'COMMITMENT' AS kind, c.commitment_id AS id, c.title, c.commitment_id, c.due_date, c.original_due_date, c.completed_on, c.due_moves AS moves, c.due_days_moved AS days_moved
         ${scope} WHERE ${where.join(' AND ')} AND c.status != 'WITHDRAWN'
       UNION ALL
       SELECT 'MILESTONE', m.milestone_id, m.title, c.commitment_id, m.due_date, m.original_due_date, m.completed_on, m.moves, m.days_moved
         FROM milestones m JOIN commitments c ON c.commitment_id = m.commitment_id JOIN stakeholders s ON s.stakeholder_id = c.owner_id
         WHERE ${where.join(' AND ')} AND c.status != 'WITHDRAWN'
       UNION ALL
       SELECT 'TASK', t.task_id, t.title, c.commitment_id, t.due_date, t.due_date, t.completed_on, 0, 0
         FROM tasks t JOIN commitments c ON c.commitment_id = t.commitment_id JOIN stakeholders s ON s.stakeholder_id = c.owner_id
         WHERE ${where.join(' AND ')} AND c.status != 'WITHDRAWN'
       ORDER BY due_date, kind, id`,
      ...params,
      ...params,
      ...params,
    );
    const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null;
    const result: DeadlineView[] = [];
    for (const row of rows) {
      if ((filter.from && row.due_date < filter.from) || (filter.to && row.due_date > filter.to)) continue;
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

  /** A plan's tracking figures grouped by thematic area or by the owners' stakeholder kind. */
  summary(planId: string, by: 'area' | 'kind', today: string): TrackingGroup[] {
    const key = by === 'area' ? 'c.area_code' : 's.kind';
    const scope = 'FROM commitments c JOIN stakeholders s ON s.stakeholder_id = c.owner_id';
    const statuses = this.sql.all<{ key: string; status: CommitmentStatus; n: number }>(
      `SELECT ${key} AS key, c.status, count(*) AS n ${scope} WHERE c.plan_id = ? GROUP BY key, c.status ORDER BY key, c.status`,
      planId,
    );
    const milestones = this.sql.all<{ key: string; on_time: number; late: number; overdue: number }>(
      `SELECT ${key} AS key,
              sum(m.completed_on IS NOT NULL AND m.completed_on <= m.due_date) AS on_time,
              sum(m.completed_on IS NOT NULL AND m.completed_on > m.due_date) AS late,
              sum(m.completed_on IS NULL AND m.due_date < ?) AS overdue
         FROM milestones m JOIN commitments c ON c.commitment_id = m.commitment_id JOIN stakeholders s ON s.stakeholder_id = c.owner_id
        WHERE c.plan_id = ? GROUP BY key`,
      today,
      planId,
    );
    const verified = this.sql.all<{ key: string; reports: number; independent: number }>(
      `SELECT ${key} AS key, count(*) AS reports, sum(${INDEPENDENT}) AS independent
         FROM progress_reports r JOIN commitments c ON c.commitment_id = r.commitment_id JOIN stakeholders s ON s.stakeholder_id = c.owner_id
        WHERE c.plan_id = ? AND r.superseded_by IS NULL GROUP BY key`,
      planId,
    );
    const risk = this.sql.all<{ key: string; start: string; due_date: string; status: string; percent: number | null }>(
      `SELECT ${key} AS key, coalesce(c.activated_on, substr(c.made_at, 1, 10)) AS start, c.due_date, c.status,
              (SELECT r.percent_complete FROM progress_reports r
                WHERE r.commitment_id = c.commitment_id AND r.superseded_by IS NULL AND r.percent_complete IS NOT NULL
                ORDER BY r.period DESC LIMIT 1) AS percent
         ${scope} WHERE c.plan_id = ? AND c.status IN ('PROPOSED', 'ACTIVE')`,
      planId,
    );
    const groups = new Map<string, { statuses: { status: CommitmentStatus; count: number }[]; onTime: number; late: number; overdue: number; reports: number; independent: number; atRisk: number }>();
    const group = (k: string) => {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { statuses: [], onTime: 0, late: 0, overdue: 0, reports: 0, independent: 0, atRisk: 0 }));
      return g;
    };
    for (const row of statuses) group(row.key).statuses.push({ status: row.status, count: row.n });
    for (const row of milestones) Object.assign(group(row.key), { onTime: row.on_time, late: row.late, overdue: row.overdue });
    for (const row of verified) Object.assign(group(row.key), { reports: row.reports, independent: row.independent });
    for (const row of risk) if (isAtRisk(row.start, row.due_date, row.percent, false, today)) group(row.key).atRisk += 1;
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, g]) => ({
        key: k,
        commitmentsByStatus: g.statuses,
        milestonesOnTime: g.onTime,
        milestonesLate: g.late,
        milestonesOverdue: g.overdue,
        verifiedShare: g.reports === 0 ? null : g.independent / g.reports,
        atRisk: g.atRisk,
      }));
  }

  /**
   * A stakeholder's record in a plan: its commitments, milestones kept, and for each closed reporting period the
   * reports it owed (one per active commitment), how many came on time, and which are missing.
   */
  scorecard(stakeholderId: string, planId: string, today: string): ScorecardView {
    const statuses = this.sql.all<{ status: CommitmentStatus; n: number }>(
      'SELECT status, count(*) AS n FROM commitments WHERE owner_id = ? AND plan_id = ? GROUP BY status',
      stakeholderId,
      planId,
    );
    const count = (status: CommitmentStatus) => statuses.find((row) => row.status === status)?.n ?? 0;
    const milestones = this.sql.get<{ on_time: number | null; due: number | null }>(
      `SELECT sum(m.completed_on IS NOT NULL AND m.completed_on <= m.due_date) AS on_time, sum(m.due_date <= ?) AS due
         FROM milestones m JOIN commitments c ON c.commitment_id = m.commitment_id WHERE c.owner_id = ? AND c.plan_id = ?`,
      today,
      stakeholderId,
      planId,
    );
    const owing = this.sql.all<{ commitment_id: string; title: string; activated_on: string | null; completed_on: string | null; status: string }>(
      "SELECT commitment_id, title, activated_on, completed_on, status FROM commitments WHERE owner_id = ? AND plan_id = ? AND status IN ('ACTIVE', 'COMPLETED') ORDER BY created_position",
      stakeholderId,
      planId,
    );
    const reports = this.sql.all<{ commitment_id: string; period: string; late: number }>(
      `SELECT r.commitment_id, r.period, r.late FROM progress_reports r JOIN commitments c ON c.commitment_id = r.commitment_id
        WHERE c.owner_id = ? AND c.plan_id = ? AND r.superseded_by IS NULL`,
      stakeholderId,
      planId,
    );
    const byKey = new Map(reports.map((r) => [`${r.commitment_id}|${r.period}`, r]));
    const plan = this.sql.get<{ period_start: string; period_end: string; reporting_cycle: ReportingCycle }>(
      'SELECT period_start, period_end, reporting_cycle FROM plans WHERE plan_id = ?',
      planId,
    );
    const spans = new Map(plan ? reportingPeriods({ periodStart: plan.period_start, periodEnd: plan.period_end, reportingCycle: plan.reporting_cycle }).map((p) => [p.id, p]) : []);
    const compliance: PeriodCompliance[] = this.closedPeriods(planId).map(({ period }) => {
      let onTime = 0;
      let late = 0;
      const missing: { commitmentId: string; title: string }[] = [];
      const span = spans.get(period);
      // Each active commitment owes one report per closed period (DOMAIN.md); a completed one no longer owes
      // reports for periods that started after its completion.
      const owers = owing.filter((c) => !span || c.completed_on === null || c.completed_on >= span.start);
      for (const commitment of owers) {
        const report = byKey.get(`${commitment.commitment_id}|${period}`);
        if (!report) missing.push({ commitmentId: commitment.commitment_id, title: commitment.title });
        else if (report.late) late += 1;
        else onTime += 1;
      }
      return { period, owed: owers.length, onTime, late, missing };
    });
    const owed = compliance.reduce((sum, p) => sum + p.owed, 0);
    return {
      made: statuses.reduce((sum, row) => sum + row.n, 0),
      active: count('ACTIVE'),
      completed: count('COMPLETED'),
      withdrawn: count('WITHDRAWN'),
      milestonesOnTime: milestones?.on_time ?? 0,
      milestonesDue: milestones?.due ?? 0,
      compliance,
      complianceRate: owed === 0 ? null : compliance.reduce((sum, p) => sum + p.onTime, 0) / owed,
    };
  }
}
