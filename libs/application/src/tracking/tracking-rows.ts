import type { RowOf } from '#projections';
import type { commitmentsTable } from '../catalogue/projections/commitments.projection.js';
import type { plansTable, planStakeholdersTable } from '../catalogue/projections/plans.projection.js';
import type { stakeholdersTable } from '../catalogue/projections/stakeholders.projection.js';
import type { milestoneTalliesTable } from './milestone-tallies.js';
import type { tasksTable } from './tasks.projection.js';
import type { closedPeriodsTable, milestonesTable, progressReportsTable, trackedCommitmentsTable } from './tracking-tables.js';

/** The rows the tracking queries read, as their tables define them. */
export type CommitmentRow = RowOf<typeof commitmentsTable>;
export type PlanRow = RowOf<typeof plansTable>;
export type PlanStakeholderRow = RowOf<typeof planStakeholdersTable>;
export type StakeholderRow = RowOf<typeof stakeholdersTable>;
export type TrackedRow = RowOf<typeof trackedCommitmentsTable>;
export type MilestoneRow = RowOf<typeof milestonesTable>;
export type TallyRow = RowOf<typeof milestoneTalliesTable>;
export type TaskRow = RowOf<typeof tasksTable>;
export type ReportRow = RowOf<typeof progressReportsTable>;
export type ClosedPeriodRow = RowOf<typeof closedPeriodsTable>;
