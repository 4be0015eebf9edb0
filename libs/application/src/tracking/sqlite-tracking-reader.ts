import type Database from 'better-sqlite3';
import { READ_MODEL_HISTORY } from '../read-model/read-model-history.js';
import { placeholders, SqlQueries } from '../read-model/sql-queries.js';
import { tasksTable } from './tasks.projection.js';
import { deadlines } from './tracking-deadlines.js';
import { type MissingReport, missingReports } from './tracking-missing-reports.js';
import type { ClosedPeriodRow, MilestoneRow, ReportRow, TaskRow } from './tracking-rows.js';
import { scorecard } from './tracking-scorecard.js';
import { summaries } from './tracking-summaries.js';
import { closedPeriodsTable, milestonesTable, progressReportsTable } from './tracking-tables.js';
import type {
  DeadlineFilter,
  DeadlineView,
  MilestoneView,
  ProgressReportView,
  ScorecardView,
  TaskView,
  TrackingGroup,
} from './tracking-views.js';

export { WARNING_WINDOW_DAYS } from './tracking-deadlines.js';

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

const toTask = (r: TaskRow): TaskView => ({
  id: r.task_id,
  commitmentId: r.commitment_id,
  title: r.title,
  dueDate: r.due_date,
  assignee: r.assignee_kind && r.assignee_id ? { kind: r.assignee_kind, id: r.assignee_id } : null,
  completedOn: r.completed_on,
});

const toReport = (r: ReportRow): ProgressReportView => ({
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
});

/**
 * Milestones, tasks, progress reports, deadlines, summaries and scorecards from the tracking read model — now, or as
 * they stood at the end of a day (`asOf`): the same queries on the tables' history, with that day as today. The rules
 * are libs/domain's (settled in its README); these are the queries that apply them (deadlines, summaries and
 * scorecards each in a file of their own).
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

  milestonesOf(commitmentIds: readonly string[]): MilestoneView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<MilestoneRow>(
        `SELECT * FROM ${this.sql.table(milestonesTable)} WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY due_date, created_position`,
        ...commitmentIds,
      )
      .map(toMilestone);
  }

  milestoneById(milestoneId: string): MilestoneView | undefined {
    const row = this.sql.get<MilestoneRow>(`SELECT * FROM ${this.sql.table(milestonesTable)} WHERE milestone_id = ?`, milestoneId);
    return row ? toMilestone(row) : undefined;
  }

  tasksOf(commitmentIds: readonly string[]): TaskView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<TaskRow>(
        `SELECT * FROM ${this.sql.table(tasksTable)} WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY due_date, created_position`,
        ...commitmentIds,
      )
      .map(toTask);
  }

  /** Every report of the commitments, corrections included, oldest first. */
  reportsOf(commitmentIds: readonly string[]): ProgressReportView[] {
    if (commitmentIds.length === 0) return [];
    return this.sql
      .all<ReportRow>(
        `SELECT * FROM ${this.sql.table(progressReportsTable)} WHERE commitment_id IN (${placeholders(commitmentIds.length)}) ORDER BY period, created_position`,
        ...commitmentIds,
      )
      .map(toReport);
  }

  closedPeriods(planId: string): { period: string; closedOn: string }[] {
    return this.sql
      .all<Pick<ClosedPeriodRow, 'period' | 'closed_on'>>(
        `SELECT period, closed_on FROM ${this.sql.table(closedPeriodsTable)} WHERE plan_id = ? ORDER BY period`,
        planId,
      )
      .map((r) => ({ period: r.period, closedOn: r.closed_on }));
  }

  /** Commitments, milestones and tasks of a plan with their deadline status on `today`, sorted by due date. */
  /** The reports missing on `today` for periods that ended within the `withinDays` before it. */
  missingReports(planId: string, today: string, withinDays: number): MissingReport[] {
    return missingReports(this.sql, planId, today, withinDays);
  }

  deadlines(planId: string, filter: DeadlineFilter, today: string): DeadlineView[] {
    return deadlines(this.sql, planId, filter, today);
  }

  /** A plan's tracking figures on `today`, grouped by thematic area and by the owners' stakeholder kind. */
  summaries(planId: string, today: string): { byArea: TrackingGroup[]; byKind: TrackingGroup[] } {
    return summaries(this.sql, planId, today);
  }

  /** A stakeholder's record in a plan on `today` (see `scorecard`). */
  scorecard(stakeholderId: string, planId: string, today: string): ScorecardView {
    return scorecard(this.sql, stakeholderId, planId, today, this.closedPeriods(planId));
  }
}
