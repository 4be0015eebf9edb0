import {
  COMMITMENT_EVENT_TYPES,
  type CommitmentEvent,
  daysBetween,
  type ReportingPeriodClosed,
  TRACKING_EVENT_TYPES,
  type TrackingEvent,
} from '#domain';
import { keepingHistory, type Projection, type RowChange, type RowOf } from '#projections';
import { typed, upsert } from '../read-model/rows.js';
import { type MilestoneState, milestoneTalliesTable, stateOf, tallyChanges, type TallyMove } from './milestone-tallies.js';
import { TASK_EVENT_TYPES } from './tasks.projection.js';
import { closedPeriodsTable, milestonesTable, progressReportsTable, trackedCommitmentsTable } from './tracking-tables.js';

type Tracked = RowOf<typeof trackedCommitmentsTable>;
type Milestone = RowOf<typeof milestonesTable>;
type Report = RowOf<typeof progressReportsTable>;

/**
 * Independently verified (DOMAIN.md, settled in libs/domain/README.md): a monitor verified it, or its evidence is
 * independent (an independent verification or an inspection) and no monitor disputed it.
 */
const independent = (verification: Report['verification'], evidenceType: Report['evidence_type']): number =>
  verification === 'VERIFIED' ||
  (verification !== 'DISPUTED' && (evidenceType === 'INDEPENDENTLY_VERIFIED' || evidenceType === 'INSPECTION'))
    ? 1
    : 0;

/** A milestone row's state and due date, as its tally counts it. */
const standing = (milestone: Milestone): { state: MilestoneState; dueDate: string } => ({
  state: stateOf(milestone.due_date, milestone.completed_on),
  dueDate: milestone.due_date,
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
  eventTypes: [
    ...COMMITMENT_EVENT_TYPES,
    ...TRACKING_EVENT_TYPES.filter((type) => !TASK_EVENT_TYPES.includes(type)),
    'ReportingPeriodClosed',
  ],
  tables: [trackedCommitmentsTable, milestonesTable, progressReportsTable, milestoneTalliesTable, closedPeriodsTable],
  project(recorded, view): RowChange[] {
    const event = recorded as unknown as TrackingEvent | ReportingPeriodClosed | CommitmentEvent;
    const position = Number(recorded.position);
    const rows = typed(view);
    const placeOf = (commitmentId: string): Pick<Milestone, 'plan_id' | 'area_code' | 'owner_id'> => {
      const row = rows.get(trackedCommitmentsTable, { commitment_id: commitmentId });
      return { plan_id: row?.plan_id ?? null, area_code: row?.area_code ?? null, owner_id: row?.owner_id ?? null };
    };
    /** Adds to a commitment's count of independently verified standing reports (kept for the plan summary). */
    const countIndependent = (commitmentId: string, delta: number): RowChange => {
      const row = rows.get(trackedCommitmentsTable, { commitment_id: commitmentId });
      return upsert(trackedCommitmentsTable, { commitment_id: commitmentId, reports_independent: (row?.reports_independent ?? 0) + delta });
    };
    const judged = (reportId: string, verification: Report['verification']): RowChange[] => {
      const report = rows.get(progressReportsTable, { report_id: reportId });
      if (!report) return [];
      const before = independent(report.verification, report.evidence_type);
      const after = independent(verification, report.evidence_type);
      return report.superseded_by === null && before !== after ? [countIndependent(report.commitment_id, after - before)] : [];
    };
    const commitment = (commitmentId: string, columns: Partial<Tracked>): RowChange[] => [
      upsert(trackedCommitmentsTable, { commitment_id: commitmentId, ...columns }),
    ];
    switch (event.type) {
      case 'CommitmentMade': {
        const d = event.data;
        return [
          upsert(trackedCommitmentsTable, {
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
          }),
        ];
      }
      case 'CommitmentActivated':
        return commitment(event.data.commitmentId, { status: 'ACTIVE', activated_on: event.data.activatedOn });
      case 'CommitmentRevised':
        return event.data.changes.dueDate ? commitment(event.data.commitmentId, { due_date: event.data.changes.dueDate }) : [];
      case 'CommitmentWithdrawn': {
        // Its milestones are no longer deadlines: they leave the tallies.
        const leaving = rows
          .find(milestonesTable, { commitment_id: event.data.commitmentId })
          .map((milestone): TallyMove => ({ milestone, before: standing(milestone) }));
        return [
          ...commitment(event.data.commitmentId, { status: 'WITHDRAWN', ended_on: event.data.withdrawnOn }),
          ...tallyChanges(recorded, view, leaving),
        ];
      }
      case 'CommitmentCompleted':
        return commitment(event.data.commitmentId, { status: 'COMPLETED', ended_on: event.data.completedOn });
      case 'MilestoneScheduled': {
        const d = event.data;
        const milestone: Milestone = {
          milestone_id: d.milestoneId,
          commitment_id: d.commitmentId,
          ...placeOf(d.commitmentId),
          title: d.title,
          due_date: d.dueDate,
          original_due_date: d.dueDate,
          moves: 0,
          days_moved: 0,
          completed_on: null,
          created_position: position,
        };
        return [
          upsert(milestonesTable, milestone),
          ...tallyChanges(recorded, view, [{ milestone, after: { state: 'OPEN', dueDate: d.dueDate } }]),
        ];
      }
      case 'MilestoneRescheduled': {
        const d = event.data;
        const milestone = rows.get(milestonesTable, { milestone_id: d.milestoneId });
        if (!milestone) return [];
        return [
          upsert(milestonesTable, {
            milestone_id: d.milestoneId,
            due_date: d.to,
            moves: milestone.moves + 1,
            days_moved: milestone.days_moved + Math.abs(daysBetween(d.from, d.to)),
          }),
          ...tallyChanges(recorded, view, [{ milestone, before: standing(milestone), after: { state: 'OPEN', dueDate: d.to } }]),
        ];
      }
      case 'MilestoneCompleted':
      case 'MilestoneReopened': {
        const milestone = rows.get(milestonesTable, { milestone_id: event.data.milestoneId });
        if (!milestone) return [];
        const completedOn = event.type === 'MilestoneCompleted' ? event.data.completedOn : null;
        const dueDate = milestone.due_date;
        return [
          upsert(milestonesTable, { milestone_id: event.data.milestoneId, completed_on: completedOn }),
          ...tallyChanges(recorded, view, [
            { milestone, before: standing(milestone), after: { state: stateOf(dueDate, completedOn), dueDate } },
          ]),
        ];
      }
      case 'ProgressReported': {
        const d = event.data;
        // One read of the commitment's row serves its place, its counts and its latest percent.
        const tracked = rows.get(trackedCommitmentsTable, { commitment_id: d.commitmentId });
        const corrected = d.corrects ? rows.get(progressReportsTable, { report_id: d.corrects }) : undefined;
        const percents: Percents = { ...(JSON.parse(tracked?.percents ?? '{}') as Percents), [d.period]: d.percentComplete };
        const changes: RowChange[] = [
          upsert(progressReportsTable, {
            report_id: d.reportId,
            commitment_id: d.commitmentId,
            plan_id: tracked?.plan_id ?? null,
            area_code: tracked?.area_code ?? null,
            owner_id: tracked?.owner_id ?? null,
            period: d.period,
            percent_complete: d.percentComplete,
            indicator_value: d.indicatorValue,
            narrative: d.narrative,
            visibility: d.visibility,
            evidence_links: JSON.stringify(d.evidenceLinks),
            evidence_type: d.evidenceType,
            reported_on: d.reportedOn,
            // A correction keeps the standing of the report it corrects (logs written before the rule say otherwise).
            late: corrected ? corrected.late : d.late ? 1 : 0,
            corrects: d.corrects,
            superseded_by: null,
            verification: 'UNVERIFIED',
            verification_note: null,
            monitor: null,
            created_position: position,
          }),
          upsert(trackedCommitmentsTable, {
            commitment_id: d.commitmentId,
            reports_current: (tracked?.reports_current ?? 0) + (corrected ? 0 : 1),
            reports_independent:
              (tracked?.reports_independent ?? 0) +
              independent('UNVERIFIED', d.evidenceType) -
              (corrected ? independent(corrected.verification, corrected.evidence_type) : 0),
            percents: JSON.stringify(percents),
            latest_percent: latestPercent(percents),
          }),
        ];
        if (d.corrects) changes.push(upsert(progressReportsTable, { report_id: d.corrects, superseded_by: d.reportId }));
        return changes;
      }
      case 'ProgressReportVerified':
        return [
          ...judged(event.data.reportId, 'VERIFIED'),
          upsert(progressReportsTable, {
            report_id: event.data.reportId,
            verification: 'VERIFIED',
            verification_note: event.data.note,
            monitor: event.data.monitor,
          }),
        ];
      case 'ProgressReportDisputed':
        return [
          ...judged(event.data.reportId, 'DISPUTED'),
          upsert(progressReportsTable, {
            report_id: event.data.reportId,
            verification: 'DISPUTED',
            verification_note: event.data.reason,
            monitor: event.data.monitor,
          }),
        ];
      case 'ReportingPeriodClosed':
        return [upsert(closedPeriodsTable, { plan_id: event.data.planId, period: event.data.period, closed_on: event.data.closedOn })];
      default:
        return [];
    }
  },
};

export const trackingProjection: Projection = keepingHistory(tracking, [
  trackedCommitmentsTable.name,
  milestonesTable.name,
  progressReportsTable.name,
  closedPeriodsTable.name,
]);
