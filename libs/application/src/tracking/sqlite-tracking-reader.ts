import type Database from 'better-sqlite3';
import { type CommitmentStatus, deadlineStatus, type ReportingCycle, reportingPeriods } from '#domain';
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

  milestoneById(milestoneId: string): MilestoneView | undefined {
    const r = this.sql.get<{ milestone_id: string; commitment_id: string; title: string; due_date: string; original_due_date: string; moves: number; days_moved: number; completed_on: string | null }>(
      'SELECT * FROM milestones WHERE milestone_id = ?',
      milestoneId,
    );
    return r
      ? { id: r.milestone_id, commitmentId: r.commitment_id, title: r.title, dueDate: r.due_date, originalDueDate: r.original_due_date, moves: r.moves, daysMoved: r.days_moved, completedOn: r.completed_on }
      : undefined;
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
      conditions.push('owner_id IN (SELECT stakeholder_id FROM stakeholders WHERE kind = ?)');
      params.push(filter.ownerKind);
    }
    const where = conditions.join(' AND ');
    const open = "commitment_id NOT IN (SELECT commitment_id FROM tracked_commitments WHERE plan_id = ? AND status = 'WITHDRAWN')";
    const rows = this.sql.all<{ kind: DeadlineView['kind']; id: string; title: string; commitment_id: string; due_date: string; original_due_date: string; completed_on: string | null; moves: number; days_moved: number }>(
      `SELECT 'COMMITMENT' AS kind, commitment_id AS id, title, commitment_id, due_date, original_due_date, completed_on, due_moves AS moves, due_days_moved AS days_moved
         FROM commitments WHERE ${where} AND status != 'WITHDRAWN'
       UNION ALL
       SELECT 'MILESTONE', milestone_id, title, commitment_id, due_date, original_due_date, completed_on, moves, days_moved
         FROM milestones WHERE ${where} AND ${open}
       UNION ALL
       SELECT 'TASK', t.task_id, t.title, t.commitment_id, t.due_date, t.due_date, t.completed_on, 0, 0
         FROM tasks t JOIN tracked_commitments tc ON tc.commitment_id = t.commitment_id
        WHERE ${where.replace(/\b(plan_id|due_date|area_code|owner_id)\b/g, (column) => (column === 'due_date' ? 't.due_date' : `tc.${column}`))} AND t.${open}
       ORDER BY due_date, kind, id`,
      ...params,
      ...params,
      planId,
      ...params,
      planId,
    );
    const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null;
    const result: DeadlineView[] = [];
    for (const row of rows) {
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

  /**
   * A plan's tracking figures grouped by thematic area and by the owners' stakeholder kind, in two passes: one over
   * the per-commitment counts the projection keeps (status, milestones met or missed, standing and independent
   * reports, the at-risk rule on the latest percent), one over the index of open milestones for what is overdue on
   * `today`.
   */
  summaries(planId: string, today: string): { byArea: TrackingGroup[]; byKind: TrackingGroup[] } {
    const kinds = new Map(
      this.sql
        .all<{ stakeholder_id: string; kind: string }>(
          'SELECT s.stakeholder_id, s.kind FROM stakeholders s JOIN plan_stakeholders ps ON ps.stakeholder_id = s.stakeholder_id WHERE ps.plan_id = ?',
          planId,
        )
        .map((row) => [row.stakeholder_id, row.kind]),
    );
    // The at-risk rule of libs/domain (isAtRisk), in SQL over the per-commitment counts; a test checks they agree.
    const span = 'julianday(due_date) - julianday(start_date)';
    const expected = `CASE WHEN ${span} <= 0 THEN 100.0 ELSE 100.0 * min(max(julianday(?) - julianday(start_date), 0), ${span}) / (${span}) END`;
    const counted = this.sql.all<{ area: string; owner: string; status: CommitmentStatus; n: number; on_time: number; late: number; reports: number; independent: number; at_risk: number }>(
      `SELECT area_code AS area, owner_id AS owner, status, count(*) AS n,
              sum(milestones_on_time) AS on_time, sum(milestones_late) AS late,
              sum(reports_current) AS reports, sum(reports_independent) AS independent,
              sum(status IN ('PROPOSED', 'ACTIVE') AND latest_percent IS NOT NULL AND latest_percent < ${expected} - 20) AS at_risk
         FROM tracked_commitments WHERE plan_id = ? GROUP BY area_code, owner_id, status`,
      today,
      planId,
    );
    const overdue = this.sql.all<{ area: string; owner: string; n: number }>(
      'SELECT area_code AS area, owner_id AS owner, count(*) AS n FROM milestones WHERE plan_id = ? AND completed_on IS NULL AND due_date < ? GROUP BY area_code, owner_id',
      planId,
      today,
    );
    type Group = { statuses: Map<CommitmentStatus, number>; onTime: number; late: number; overdue: number; reports: number; independent: number; atRisk: number };
    const byArea = new Map<string, Group>();
    const byKind = new Map<string, Group>();
    const groupsOf = (area: string, owner: string): Group[] =>
      [
        [byArea, area],
        [byKind, kinds.get(owner) ?? 'OTHER'],
      ].map(([groups, key]) => {
        const map = groups as Map<string, Group>;
        let group = map.get(key as string);
        if (!group) map.set(key as string, (group = { statuses: new Map(), onTime: 0, late: 0, overdue: 0, reports: 0, independent: 0, atRisk: 0 }));
        return group;
      });
    for (const row of counted) {
      for (const g of groupsOf(row.area, row.owner)) {
        g.statuses.set(row.status, (g.statuses.get(row.status) ?? 0) + row.n);
        g.onTime += row.on_time;
        g.late += row.late;
        g.reports += row.reports;
        g.independent += row.independent;
        g.atRisk += row.at_risk;
      }
    }
    for (const row of overdue) for (const g of groupsOf(row.area, row.owner)) g.overdue += row.n;
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
          atRisk: g.atRisk,
        }));
    return { byArea: list(byArea), byKind: list(byKind) };
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
