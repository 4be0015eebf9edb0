/** A plan's one-line health: milestones overdue and the share of owed progress reports that came on time. */
export interface PlanHealth {
  readonly overdue: number;
  /** 0–1, or null when no report was owed yet. */
  readonly compliance: number | null;
}

/** What the plans list reads of each plan, in the same request as the list (`summary { byOwnerKind … reports … }`). */
export interface HealthInput {
  readonly byOwnerKind: readonly { readonly figures: { readonly milestonesOverdue: number } }[];
  /** Reports owed over the closed periods and those on time, over all the plan's stakeholders. */
  readonly reports: { readonly owed: number; readonly onTime: number };
}

export function planHealth(summary: HealthInput): PlanHealth {
  const overdue = summary.byOwnerKind.reduce((sum, group) => sum + group.figures.milestonesOverdue, 0);
  const { owed, onTime } = summary.reports;
  return { overdue, compliance: owed === 0 ? null : onTime / owed };
}
