/** A plan's one-line health: milestones overdue and the share of owed progress reports that came on time. */
export interface PlanHealth {
  readonly overdue: number;
  /** 0–1, or null when no report was owed yet. */
  readonly compliance: number | null;
}

export interface HealthInput {
  readonly byOwnerKind: readonly { readonly figures: { readonly milestonesOverdue: number } }[];
  readonly stakeholders: readonly { readonly scorecard: { readonly compliance: readonly { readonly owed: number; readonly onTime: number }[] } }[];
}

export function planHealth(plan: HealthInput): PlanHealth {
  const overdue = plan.byOwnerKind.reduce((sum, group) => sum + group.figures.milestonesOverdue, 0);
  let owed = 0;
  let onTime = 0;
  for (const stakeholder of plan.stakeholders) {
    for (const period of stakeholder.scorecard.compliance) {
      owed += period.owed;
      onTime += period.onTime;
    }
  }
  return { overdue, compliance: owed === 0 ? null : onTime / owed };
}
