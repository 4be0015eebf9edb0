import { daysBetween, type ReportingPeriodClosed, type TrackingEvent } from '#domain';
import type { Projection, RowChange } from '#projections';

/** Milestones, tasks, progress reports (with corrections and verification) and closed reporting periods. */
export const trackingProjection: Projection = {
  name: 'tracking',
  version: 1,
  eventTypes: [
    'MilestoneScheduled',
    'MilestoneRescheduled',
    'MilestoneCompleted',
    'MilestoneReopened',
    'TaskAdded',
    'TaskAssigned',
    'TaskCompleted',
    'TaskReopened',
    'ProgressReported',
    'ProgressReportVerified',
    'ProgressReportDisputed',
    'ReportingPeriodClosed',
  ],
  tables: [
    {
      name: 'milestones',
      columns: {
        milestone_id: 'TEXT',
        commitment_id: 'TEXT',
        title: 'TEXT',
        due_date: 'TEXT',
        original_due_date: 'TEXT',
        moves: 'INTEGER',
        days_moved: 'INTEGER',
        completed_on: 'TEXT',
        created_position: 'INTEGER',
      },
      primaryKey: ['milestone_id'],
      indexes: [['commitment_id'], ['due_date']],
    },
    {
      name: 'tasks',
      columns: {
        task_id: 'TEXT',
        commitment_id: 'TEXT',
        title: 'TEXT',
        due_date: 'TEXT',
        assignee_kind: 'TEXT',
        assignee_id: 'TEXT',
        completed_on: 'TEXT',
        created_position: 'INTEGER',
      },
      primaryKey: ['task_id'],
      indexes: [['commitment_id']],
    },
    {
      name: 'progress_reports',
      columns: {
        report_id: 'TEXT',
        commitment_id: 'TEXT',
        period: 'TEXT',
        percent_complete: 'REAL',
        indicator_value: 'REAL',
        narrative: 'TEXT',
        visibility: 'TEXT',
        evidence_links: 'TEXT',
        evidence_type: 'TEXT',
        reported_on: 'TEXT',
        late: 'INTEGER',
        corrects: 'TEXT',
        superseded_by: 'TEXT',
        verification: 'TEXT',
        verification_note: 'TEXT',
        monitor: 'TEXT',
        created_position: 'INTEGER',
      },
      primaryKey: ['report_id'],
      indexes: [['commitment_id', 'period']],
    },
    {
      name: 'closed_periods',
      columns: { plan_id: 'TEXT', period: 'TEXT', closed_on: 'TEXT' },
      primaryKey: ['plan_id', 'period'],
    },
  ],
  project(recorded, view): RowChange[] {
    const event = recorded as unknown as TrackingEvent | ReportingPeriodClosed;
    const position = Number(recorded.position);
    switch (event.type) {
      case 'MilestoneScheduled': {
        const d = event.data;
        return [
          {
            kind: 'upsert',
            table: 'milestones',
            row: { milestone_id: d.milestoneId, commitment_id: d.commitmentId, title: d.title, due_date: d.dueDate, original_due_date: d.dueDate, moves: 0, days_moved: 0, completed_on: null, created_position: position },
          },
        ];
      }
      case 'MilestoneRescheduled': {
        const d = event.data;
        const current = view.get('milestones', { milestone_id: d.milestoneId });
        return [
          {
            kind: 'upsert',
            table: 'milestones',
            row: {
              milestone_id: d.milestoneId,
              due_date: d.to,
              moves: Number(current?.['moves'] ?? 0) + 1,
              days_moved: Number(current?.['days_moved'] ?? 0) + Math.abs(daysBetween(d.from, d.to)),
            },
          },
        ];
      }
      case 'MilestoneCompleted':
        return [{ kind: 'upsert', table: 'milestones', row: { milestone_id: event.data.milestoneId, completed_on: event.data.completedOn } }];
      case 'MilestoneReopened':
        return [{ kind: 'upsert', table: 'milestones', row: { milestone_id: event.data.milestoneId, completed_on: null } }];
      case 'TaskAdded': {
        const d = event.data;
        return [
          {
            kind: 'upsert',
            table: 'tasks',
            row: { task_id: d.taskId, commitment_id: d.commitmentId, title: d.title, due_date: d.dueDate, assignee_kind: null, assignee_id: null, completed_on: null, created_position: position },
          },
        ];
      }
      case 'TaskAssigned':
        return [{ kind: 'upsert', table: 'tasks', row: { task_id: event.data.taskId, assignee_kind: event.data.assignee.kind, assignee_id: event.data.assignee.id } }];
      case 'TaskCompleted':
        return [{ kind: 'upsert', table: 'tasks', row: { task_id: event.data.taskId, completed_on: event.data.completedOn } }];
      case 'TaskReopened':
        return [{ kind: 'upsert', table: 'tasks', row: { task_id: event.data.taskId, completed_on: null } }];
      case 'ProgressReported': {
        const d = event.data;
        const changes: RowChange[] = [
          {
            kind: 'upsert',
            table: 'progress_reports',
            row: {
              report_id: d.reportId,
              commitment_id: d.commitmentId,
              period: d.period,
              percent_complete: d.percentComplete,
              indicator_value: d.indicatorValue,
              narrative: d.narrative,
              visibility: d.visibility,
              evidence_links: JSON.stringify(d.evidenceLinks),
              evidence_type: d.evidenceType,
              reported_on: d.reportedOn,
              late: d.late ? 1 : 0,
              corrects: d.corrects,
              superseded_by: null,
              verification: 'UNVERIFIED',
              verification_note: null,
              monitor: null,
              created_position: position,
            },
          },
        ];
        if (d.corrects) changes.push({ kind: 'upsert', table: 'progress_reports', row: { report_id: d.corrects, superseded_by: d.reportId } });
        return changes;
      }
      case 'ProgressReportVerified':
        return [{ kind: 'upsert', table: 'progress_reports', row: { report_id: event.data.reportId, verification: 'VERIFIED', verification_note: event.data.note, monitor: event.data.monitor } }];
      case 'ProgressReportDisputed':
        return [{ kind: 'upsert', table: 'progress_reports', row: { report_id: event.data.reportId, verification: 'DISPUTED', verification_note: event.data.reason, monitor: event.data.monitor } }];
      case 'ReportingPeriodClosed':
        return [{ kind: 'upsert', table: 'closed_periods', row: { plan_id: event.data.planId, period: event.data.period, closed_on: event.data.closedOn } }];
      default:
        return [];
    }
  },
};
