import { COMMITMENT_EVENT_TYPES, type CommitmentEvent, daysBetween, type ReportingPeriodClosed, TRACKING_EVENT_TYPES, type TrackingEvent } from '#domain';
import { keepingHistory, type Projection, type Row, type RowChange } from '#projections';
import { type MilestoneState, milestoneTalliesTable, stateOf, tallyChanges, type TallyMove } from './milestone-tallies.js';
import { TASK_EVENT_TYPES } from './tasks.projection.js';

/**
 * Independently verified (DOMAIN.md, settled in libs/domain/README.md): a monitor verified it, or its evidence is
 * independent (an independent verification or an inspection) and no monitor disputed it.
 */
const independent = (verification: unknown, evidenceType: unknown): number =>
  verification === 'VERIFIED' || (verification !== 'DISPUTED' && (evidenceType === 'INDEPENDENTLY_VERIFIED' || evidenceType === 'INSPECTION')) ? 1 : 0;

/** A milestone row's state and due date, as its tally counts it. */
const standing = (milestone: Row): { state: MilestoneState; dueDate: string } => ({
  state: stateOf(String(milestone['due_date']), (milestone['completed_on'] as string | null) ?? null),
  dueDate: String(milestone['due_date']),
});

/** The percent of each period's standing report (null: it reported an indicator value only), as a JSON object. */
type Percents = Record<string, number | null>;

/** The percent of the standing report of the latest period that has one (DOMAIN.md's "latest reported percent"). */
export function latestPercent(percents: Percents): number | null {
  const periods = Object.keys(percents)
    .filter((period) => percents[period] !== null)
    .sort();
  return periods.length === 0 ? null : percents[periods.at(-1)!]!;
}

/**
 * Milestones, progress reports (with corrections and verification) and closed reporting periods, with their history
 * (`plan.asOf`, `deadlines(asAt)`). Tasks have a read model of their own (`tasksProjection`): they need nothing from
 * the commitment, and two projections are built side by side.
 */
const tracking: Projection = {
  name: 'tracking',
  version: 8,
  eventTypes: [...COMMITMENT_EVENT_TYPES, ...TRACKING_EVENT_TYPES.filter((type) => !TASK_EVENT_TYPES.includes(type)), 'ReportingPeriodClosed'],
  tables: [
    {
      // Where each commitment belongs, its life (made, activated, ended) and its running counts: copied onto
      // milestones and reports so that a plan's figures are read from one table each, without joins.
      name: 'tracked_commitments',
      columns: {
        commitment_id: 'TEXT',
        plan_id: 'TEXT',
        area_code: 'TEXT',
        owner_id: 'TEXT',
        status: 'TEXT',
        made_on: 'TEXT',
        activated_on: 'TEXT',
        ended_on: 'TEXT',
        due_date: 'TEXT',
        percents: 'TEXT',
        latest_percent: 'REAL',
        reports_current: 'INTEGER',
        reports_independent: 'INTEGER',
      },
      primaryKey: ['commitment_id'],
      indexes: [['plan_id', 'owner_id'], ['plan_id', 'status']],
    },
    {
      name: 'milestones',
      columns: {
        milestone_id: 'TEXT',
        commitment_id: 'TEXT',
        plan_id: 'TEXT',
        area_code: 'TEXT',
        owner_id: 'TEXT',
        title: 'TEXT',
        due_date: 'TEXT',
        original_due_date: 'TEXT',
        moves: 'INTEGER',
        days_moved: 'INTEGER',
        completed_on: 'TEXT',
        created_position: 'INTEGER',
      },
      primaryKey: ['milestone_id'],
      // Counts of milestones come from their tallies (milestone-tallies.ts), not from these rows.
      indexes: [['commitment_id'], ['plan_id', 'due_date']],
    },
    {
      name: 'progress_reports',
      columns: {
        report_id: 'TEXT',
        commitment_id: 'TEXT',
        plan_id: 'TEXT',
        area_code: 'TEXT',
        owner_id: 'TEXT',
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
      indexes: [['commitment_id', 'period'], ['owner_id', 'plan_id']],
    },
    milestoneTalliesTable,
    {
      name: 'closed_periods',
      columns: { plan_id: 'TEXT', period: 'TEXT', closed_on: 'TEXT' },
      primaryKey: ['plan_id', 'period'],
    },
  ],
  project(recorded, view): RowChange[] {
    const event = recorded as unknown as TrackingEvent | ReportingPeriodClosed | CommitmentEvent;
    const position = Number(recorded.position);
    const placeOf = (commitmentId: string) => {
      const row = view.get('tracked_commitments', { commitment_id: commitmentId });
      return { plan_id: row?.['plan_id'] ?? null, area_code: row?.['area_code'] ?? null, owner_id: row?.['owner_id'] ?? null };
    };
    /** Adds to a commitment's running counts (kept for the plan summary). */
    const count = (commitmentId: string, deltas: Record<string, number>): RowChange => {
      const row = view.get('tracked_commitments', { commitment_id: commitmentId });
      return {
        kind: 'upsert',
        table: 'tracked_commitments',
        row: { commitment_id: commitmentId, ...Object.fromEntries(Object.entries(deltas).map(([column, delta]) => [column, Number(row?.[column] ?? 0) + delta])) },
      };
    };
    const judged = (reportId: string, verification: string): RowChange[] => {
      const report = view.get('progress_reports', { report_id: reportId });
      if (!report) return [];
      const before = independent(report['verification'], report['evidence_type']);
      const after = independent(verification, report['evidence_type']);
      return report['superseded_by'] === null && before !== after ? [count(String(report['commitment_id']), { reports_independent: after - before })] : [];
    };
    const commitment = (commitmentId: string, columns: Record<string, string | null>): RowChange[] => [
      { kind: 'upsert', table: 'tracked_commitments', row: { commitment_id: commitmentId, ...columns } },
    ];
    switch (event.type) {
      case 'CommitmentMade': {
        const d = event.data;
        return [
          {
            kind: 'upsert',
            table: 'tracked_commitments',
            row: {
              commitment_id: d.commitmentId,
              plan_id: d.planId,
              area_code: d.thematicAreaCode,
              owner_id: d.ownerId,
              status: 'PROPOSED',
              made_on: recorded.metadata.occurredAt.slice(0, 10),
              activated_on: null,
              ended_on: null,
              due_date: d.dueDate,
              percents: '{}',
              latest_percent: null,
              reports_current: 0,
              reports_independent: 0,
            },
          },
        ];
      }
      case 'CommitmentActivated':
        return commitment(event.data.commitmentId, { status: 'ACTIVE', activated_on: event.data.activatedOn });
      case 'CommitmentRevised':
        return event.data.changes.dueDate ? commitment(event.data.commitmentId, { due_date: event.data.changes.dueDate }) : [];
      case 'CommitmentWithdrawn': {
        // Its milestones are no longer deadlines: they leave the tallies.
        const leaving = view.find('milestones', { commitment_id: event.data.commitmentId }).map((milestone): TallyMove => ({ milestone, before: standing(milestone) }));
        return [...commitment(event.data.commitmentId, { status: 'WITHDRAWN', ended_on: event.data.withdrawnOn }), ...tallyChanges(recorded, view, leaving)];
      }
      case 'CommitmentCompleted':
        return commitment(event.data.commitmentId, { status: 'COMPLETED', ended_on: event.data.completedOn });
      case 'MilestoneScheduled': {
        const d = event.data;
        const place = placeOf(d.commitmentId);
        const milestone = {
          milestone_id: d.milestoneId,
          commitment_id: d.commitmentId,
          plan_id: place.plan_id,
          area_code: place.area_code,
          owner_id: place.owner_id,
          title: d.title,
          due_date: d.dueDate,
          original_due_date: d.dueDate,
          moves: 0,
          days_moved: 0,
          completed_on: null,
          created_position: position,
        };
        return [{ kind: 'upsert', table: 'milestones', row: milestone }, ...tallyChanges(recorded, view, [{ milestone, after: { state: 'OPEN', dueDate: d.dueDate } }])];
      }
      case 'MilestoneRescheduled': {
        const d = event.data;
        const milestone = view.get('milestones', { milestone_id: d.milestoneId });
        if (!milestone) return [];
        return [
          {
            kind: 'upsert',
            table: 'milestones',
            row: { milestone_id: d.milestoneId, due_date: d.to, moves: Number(milestone['moves']) + 1, days_moved: Number(milestone['days_moved']) + Math.abs(daysBetween(d.from, d.to)) },
          },
          ...tallyChanges(recorded, view, [{ milestone, before: standing(milestone), after: { state: 'OPEN', dueDate: d.to } }]),
        ];
      }
      case 'MilestoneCompleted':
      case 'MilestoneReopened': {
        const milestone = view.get('milestones', { milestone_id: event.data.milestoneId });
        if (!milestone) return [];
        const completedOn = event.type === 'MilestoneCompleted' ? event.data.completedOn : null;
        const dueDate = String(milestone['due_date']);
        return [
          { kind: 'upsert', table: 'milestones', row: { milestone_id: event.data.milestoneId, completed_on: completedOn } },
          ...tallyChanges(recorded, view, [{ milestone, before: standing(milestone), after: { state: stateOf(dueDate, completedOn), dueDate } }]),
        ];
      }
      case 'ProgressReported': {
        const d = event.data;
        // One read of the commitment's row serves its place, its counts and its latest percent.
        const tracked = view.get('tracked_commitments', { commitment_id: d.commitmentId });
        const corrected = d.corrects ? view.get('progress_reports', { report_id: d.corrects }) : undefined;
        const percents: Percents = { ...(JSON.parse(String(tracked?.['percents'] ?? '{}')) as Percents), [d.period]: d.percentComplete };
        const changes: RowChange[] = [
          {
            kind: 'upsert',
            table: 'progress_reports',
            row: {
              report_id: d.reportId,
              commitment_id: d.commitmentId,
              plan_id: tracked?.['plan_id'] ?? null,
              area_code: tracked?.['area_code'] ?? null,
              owner_id: tracked?.['owner_id'] ?? null,
              period: d.period,
              percent_complete: d.percentComplete,
              indicator_value: d.indicatorValue,
              narrative: d.narrative,
              visibility: d.visibility,
              evidence_links: JSON.stringify(d.evidenceLinks),
              evidence_type: d.evidenceType,
              reported_on: d.reportedOn,
              // A correction keeps the standing of the report it corrects (logs written before the rule say otherwise).
              late: corrected ? Number(corrected['late']) : d.late ? 1 : 0,
              corrects: d.corrects,
              superseded_by: null,
              verification: 'UNVERIFIED',
              verification_note: null,
              monitor: null,
              created_position: position,
            },
          },
          {
            kind: 'upsert',
            table: 'tracked_commitments',
            row: {
              commitment_id: d.commitmentId,
              reports_current: Number(tracked?.['reports_current'] ?? 0) + (corrected ? 0 : 1),
              reports_independent:
                Number(tracked?.['reports_independent'] ?? 0) +
                independent('UNVERIFIED', d.evidenceType) -
                (corrected ? independent(corrected['verification'], corrected['evidence_type']) : 0),
              percents: JSON.stringify(percents),
              latest_percent: latestPercent(percents),
            },
          },
        ];
        if (d.corrects) changes.push({ kind: 'upsert', table: 'progress_reports', row: { report_id: d.corrects, superseded_by: d.reportId } });
        return changes;
      }
      case 'ProgressReportVerified':
        return [
          ...judged(event.data.reportId, 'VERIFIED'),
          { kind: 'upsert', table: 'progress_reports', row: { report_id: event.data.reportId, verification: 'VERIFIED', verification_note: event.data.note, monitor: event.data.monitor } },
        ];
      case 'ProgressReportDisputed':
        return [
          ...judged(event.data.reportId, 'DISPUTED'),
          { kind: 'upsert', table: 'progress_reports', row: { report_id: event.data.reportId, verification: 'DISPUTED', verification_note: event.data.reason, monitor: event.data.monitor } },
        ];
      case 'ReportingPeriodClosed':
        return [{ kind: 'upsert', table: 'closed_periods', row: { plan_id: event.data.planId, period: event.data.period, closed_on: event.data.closedOn } }];
      default:
        return [];
    }
  },
};

export const trackingProjection: Projection = keepingHistory(tracking, ['tracked_commitments', 'milestones', 'progress_reports', 'closed_periods']);
