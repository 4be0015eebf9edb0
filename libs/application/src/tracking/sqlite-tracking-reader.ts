import type Database from 'better-sqlite3';
import { atRiskReason, type CommitmentStatus, deadlineStatus, owesReport, type ReportingCycle, reportingPeriods } from '#domain';
import { READ_MODEL_HISTORY } from '../read-model/read-model-history.js';
import type { MilestoneState } from './milestone-tallies.js';
import { placeholders, SqlQueries } from '../read-model/sql-queries.js';
import type {
  AtRiskView,
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

interface MilestoneRow {
  milestone_id: string;
  commitment_id: string;
  title: string;
  due_date: string;
  original_due_date: string;
  moves: number;
  days_moved: number;
  completed_on: string | null;
}

const toMilestone = (r: MilestoneRow): MilestoneView => ({
  id: r.milestone_id,
  commitmentId: r.commitment_id,
  title: r.title,
  dueDate: r.due_date,
  originalDueDate: r.original_due_date,
  moves: r.moves,
  daysMoved: r.days_moved,
  completedOn: r.completed_on,
});

/** Milestones of one area, owner and state (`milestoneCounts`). */
interface MilestoneCount {
  area_code: string;
  owner_id: string;
  state: MilestoneState;
  n: number;
  due: number;
  due_before: number;
}

/** A commitment as the tracking figures see it (`tracked_commitments`). */
interface TrackedRow {
  commitment_id: string;
  area_code: string;
  owner_id: string;
  status: CommitmentStatus;
  made_on: string;
  activated_on: string | null;
  due_date: string;
  latest_percent: number | null;
  reports_current: number;
  reports_independent: number;
}

/**
 * Milestones, tasks, progress reports, deadlines, summaries and scorecards from the tracking read model — now, or as
 * they stood at the end of a day (`asOf`): the same queries on the tables' history, with that day as today. The rules
 * are libs/domain's (settled in its README); these are the queries that apply them.
 */
export class SqliteTrackingReader {
  constructor(
    private readonly db: Database.Database,
    readonly sql = new SqlQueries(db, READ_MODEL_HISTORY),
  ) {}

  /** The same reader as of the end of `day`. */
  asOf(day: string): SqliteTrackingReader {
    return new SqliteTrackingReader(this.db, this.sql.asOf(day));
  }

  private t(table: string): string {
    return this.sql.table(table);
  }

  /** The plan's withdrawn commitments: no longer deadlines, nor in any deadline figure. */
  private withdrawn(planId: string): Set<string> {
    return new Set(
      this.sql
        .all<{ commitment_id: string }>(`SELECT commitment_id FROM ${this.t('tracked_commitments')} WHERE plan_id = ? AND status = 'WITHDRAWN'`, planId)
        .map((row) => row.commitment_id),
    );
  }

  milestonesOf(commitmentIds: readonly string[]): MilestoneView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<MilestoneRow>(`SELECT * FROM ${this.t('milestones')} WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY due_date, created_position`, ...commitmentIds)
      .map(toMilestone);
  }

  milestoneById(milestoneId: string): MilestoneView | undefined {
    const row = this.sql.get<MilestoneRow>(`SELECT * FROM ${this.t('milestones')} WHERE milestone_id = ?`, milestoneId);
    return row ? toMilestone(row) : undefined;
  }

  tasksOf(commitmentIds: readonly string[]): TaskView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<{ task_id: string; commitment_id: string; title: string; due_date: string; assignee_kind: 'PARTICIPANT' | 'STAKEHOLDER' | null; assignee_id: string | null; completed_on: string | null }>(
        `SELECT * FROM ${this.t('tasks')} WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY due_date, created_position`,
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
      .all<ReportRow>(`SELECT * FROM ${this.t('progress_reports')} WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY period, created_position`, ...commitmentIds)
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
      .all<{ period: string; closed_on: string }>(`SELECT period, closed_on FROM ${this.t('closed_periods')} WHERE plan_id = ? ORDER BY period`, planId)
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
      conditions.push(`owner_id IN (SELECT stakeholder_id FROM ${this.t('stakeholders')} WHERE kind = ?)`);
      params.push(filter.ownerKind);
    }
    const where = conditions.join(' AND ');
    const withdrawn = this.withdrawn(planId);
    const rows = this.sql.all<{ kind: DeadlineView['kind']; id: string; title: string; commitment_id: string; due_date: string; original_due_date: string; completed_on: string | null; moves: number; days_moved: number }>(
      `SELECT 'COMMITMENT' AS kind, commitment_id AS id, title, commitment_id, due_date, original_due_date, completed_on, due_moves AS moves, due_days_moved AS days_moved
         FROM ${this.t('commitments')} WHERE ${where} AND status != 'WITHDRAWN'
       UNION ALL
       SELECT 'MILESTONE', milestone_id, title, commitment_id, due_date, original_due_date, completed_on, moves, days_moved
         FROM ${this.t('milestones')} WHERE ${where}
       UNION ALL
       SELECT 'TASK', t.task_id, t.title, t.commitment_id, t.due_date, t.due_date, t.completed_on, 0, 0
         FROM ${this.t('tasks')} t JOIN ${this.t('tracked_commitments')} tc ON tc.commitment_id = t.commitment_id
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

  /**
   * The plan's milestones by area, owner and state on `today` (OPEN, ON_TIME, LATE; withdrawn commitments' left out),
   * from their tallies — as of a day, from the changes recorded by then: how many, how many due on or before today,
   * and how many due before it.
   */
  private milestoneCounts(planId: string, today: string, ownerId?: string): MilestoneCount[] {
    const asOf = this.sql.day !== null;
    return this.sql.all<MilestoneCount>(
      `SELECT area_code, owner_id, state, sum(delta) AS n, total(CASE WHEN due_date <= ? THEN delta END) AS due, total(CASE WHEN due_date < ? THEN delta END) AS due_before
         FROM ${this.t('milestone_tallies')} WHERE plan_id = ?${ownerId ? ' AND owner_id = ?' : ''}${asOf ? ' AND day <= ?' : ''}
        GROUP BY area_code, owner_id, state`,
      today,
      today,
      planId,
      ...(ownerId ? [ownerId] : []),
      ...(asOf ? [today] : []),
    );
  }

  /**
   * A plan's tracking figures on `today`, grouped by thematic area and by the owners' stakeholder kind: one pass over
   * the commitments' rows (their status, standing and independent reports, and the at-risk rule of libs/domain on their
   * latest percent), and the milestone tallies (met, missed, overdue). Withdrawn commitments count in
   * `commitmentsByStatus` only.
   */
  summaries(planId: string, today: string): { byArea: TrackingGroup[]; byKind: TrackingGroup[] } {
    const kinds = new Map(
      this.sql
        .all<{ stakeholder_id: string; kind: string }>(
          `SELECT s.stakeholder_id, s.kind FROM ${this.t('stakeholders')} s JOIN ${this.t('plan_stakeholders')} ps ON ps.stakeholder_id = s.stakeholder_id WHERE ps.plan_id = ?`,
          planId,
        )
        .map((row) => [row.stakeholder_id, row.kind]),
    );
    const commitments = this.sql.all<TrackedRow>(
      `SELECT commitment_id, area_code, owner_id, status, made_on, activated_on, due_date, latest_percent, reports_current, reports_independent
         FROM ${this.t('tracked_commitments')} WHERE plan_id = ?`,
      planId,
    );
    const milestones = this.milestoneCounts(planId, today);
    type Group = { statuses: Map<CommitmentStatus, number>; onTime: number; late: number; overdue: number; reports: number; independent: number; atRisk: AtRiskView[] };
    const byArea = new Map<string, Group>();
    const byKind = new Map<string, Group>();
    const groupsOf = (area: string, owner: string): Group[] =>
      [
        [byArea, area],
        [byKind, kinds.get(owner) ?? 'OTHER'],
      ].map(([groups, key]) => {
        const map = groups as Map<string, Group>;
        let group = map.get(key as string);
        if (!group) map.set(key as string, (group = { statuses: new Map(), onTime: 0, late: 0, overdue: 0, reports: 0, independent: 0, atRisk: [] }));
        return group;
      });
    for (const row of commitments) {
      const atRisk = this.atRisk(row, today);
      for (const g of groupsOf(row.area_code, row.owner_id)) {
        g.statuses.set(row.status, (g.statuses.get(row.status) ?? 0) + 1);
        if (row.status === 'WITHDRAWN') continue;
        g.reports += row.reports_current;
        g.independent += row.reports_independent;
        if (atRisk) g.atRisk.push(atRisk);
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

  /** Why an open commitment is at risk on `today` (expected against reported percent), or undefined when it is not. */
  private atRisk(row: TrackedRow, today: string): AtRiskView | undefined {
    if (row.status !== 'PROPOSED' && row.status !== 'ACTIVE') return undefined;
    const reason = atRiskReason(row.activated_on ?? row.made_on, row.due_date, row.latest_percent, false, today);
    return reason ? { commitmentId: row.commitment_id, ...reason } : undefined;
  }

  /**
   * A stakeholder's record in a plan on `today`: its commitments, milestones kept, and for each closed reporting period
   * the reports it owed (one per commitment active at some point in the period), how many came on time, and which are
   * missing.
   */
  scorecard(stakeholderId: string, planId: string, today: string): ScorecardView {
    const owned = this.sql.all<{ commitment_id: string; title: string; status: CommitmentStatus; activated_on: string | null; completed_on: string | null; withdrawn_on: string | null }>(
      `SELECT commitment_id, title, status, activated_on, completed_on, withdrawn_on FROM ${this.t('commitments')} WHERE owner_id = ? AND plan_id = ? ORDER BY created_position`,
      stakeholderId,
      planId,
    );
    const count = (status: CommitmentStatus) => owned.filter((commitment) => commitment.status === status).length;
    const milestones = this.milestoneCounts(planId, today, stakeholderId);
    const reports = this.sql.all<{ commitment_id: string; period: string; late: number }>(
      `SELECT commitment_id, period, late FROM ${this.t('progress_reports')} WHERE owner_id = ? AND plan_id = ? AND superseded_by IS NULL`,
      stakeholderId,
      planId,
    );
    const standing = new Map(reports.map((r) => [`${r.commitment_id}|${r.period}`, r]));
    const plan = this.sql.get<{ period_start: string; period_end: string; reporting_cycle: ReportingCycle }>(
      `SELECT period_start, period_end, reporting_cycle FROM ${this.t('plans')} WHERE plan_id = ?`,
      planId,
    );
    const spans = new Map(plan ? reportingPeriods({ periodStart: plan.period_start, periodEnd: plan.period_end, reportingCycle: plan.reporting_cycle }).map((p) => [p.id, p]) : []);
    const compliance: PeriodCompliance[] = this.closedPeriods(planId).flatMap(({ period }) => {
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
}
