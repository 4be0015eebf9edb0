import type { CommitmentStatus, EvidenceType, Visibility } from '#domain';
import { defineTable, integer, real, text } from '#projections';

/**
 * Where each commitment belongs, its life (made, activated, ended) and its running counts: copied onto milestones and
 * reports so that a plan's figures are read from one table each, without joins. `percents` is a JSON object: the
 * percent of each period's standing report (null: it reported an indicator value only).
 */
export const trackedCommitmentsTable = defineTable({
  name: 'tracked_commitments',
  columns: {
    commitment_id: text(),
    plan_id: text(),
    area_code: text(),
    owner_id: text(),
    status: text<CommitmentStatus>(),
    made_on: text(),
    activated_on: text.orNull(),
    ended_on: text.orNull(),
    due_date: text(),
    percents: text(),
    latest_percent: real.orNull(),
    reports_current: integer(),
    reports_independent: integer(),
  },
  primaryKey: ['commitment_id'],
  indexes: [
    ['plan_id', 'owner_id'],
    ['plan_id', 'status'],
  ],
});

/** Milestones, with where their commitment belongs (null when the log names a commitment it never made). */
export const milestonesTable = defineTable({
  name: 'milestones',
  columns: {
    milestone_id: text(),
    commitment_id: text(),
    plan_id: text.orNull(),
    area_code: text.orNull(),
    owner_id: text.orNull(),
    title: text(),
    due_date: text(),
    original_due_date: text(),
    moves: integer(),
    days_moved: integer(),
    completed_on: text.orNull(),
    created_position: integer(),
  },
  primaryKey: ['milestone_id'],
  // Counts of milestones come from their tallies (milestone-tallies.ts), not from these rows.
  indexes: [['commitment_id'], ['plan_id', 'due_date']],
});

/** Progress reports, corrections included (`corrects`, `superseded_by`), with their verification. */
export const progressReportsTable = defineTable({
  name: 'progress_reports',
  columns: {
    report_id: text(),
    commitment_id: text(),
    plan_id: text.orNull(),
    area_code: text.orNull(),
    owner_id: text.orNull(),
    period: text(),
    percent_complete: real.orNull(),
    indicator_value: real.orNull(),
    narrative: text(),
    visibility: text<Visibility>(),
    /** A JSON array of links. */
    evidence_links: text(),
    evidence_type: text<EvidenceType>(),
    reported_on: text(),
    /** 1: reported after its period was closed. */
    late: integer<0 | 1>(),
    corrects: text.orNull(),
    superseded_by: text.orNull(),
    verification: text<'UNVERIFIED' | 'VERIFIED' | 'DISPUTED'>(),
    verification_note: text.orNull(),
    monitor: text.orNull(),
    created_position: integer(),
  },
  primaryKey: ['report_id'],
  indexes: [
    ['commitment_id', 'period'],
    ['owner_id', 'plan_id'],
  ],
});

export const closedPeriodsTable = defineTable({
  name: 'closed_periods',
  columns: { plan_id: text(), period: text(), closed_on: text() },
  primaryKey: ['plan_id', 'period'],
});
