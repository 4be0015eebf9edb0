/**
 * What each role has to do, worked out from what the api answers. The api decides who may do what; these only choose
 * what to offer, so that nobody is offered a form the api would refuse.
 */

export interface Grant {
  readonly role: string;
  readonly scope?: string | null;
}

export interface ViewerRoles {
  readonly participantId?: string | null;
  readonly roles: readonly Grant[];
}

export interface PlanParticipation {
  readonly id: string;
  readonly status: string;
  readonly stakeholders: readonly { readonly id: string }[];
}

/** Today in the reader's calendar, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Reporting periods that have ended (their last day is before today) and that the coordinator has not closed yet. */
export function periodsToClose<P extends { readonly end: string; readonly closed: boolean }>(periods: readonly P[], today: string): P[] {
  return periods.filter((period) => !period.closed && period.end < today);
}

/** A participant of the plan: a role on it, or on one of the stakeholders it admitted (admins take part everywhere). */
export function takesPart(viewer: ViewerRoles | null | undefined, plan: PlanParticipation): boolean {
  if (!viewer?.participantId) return false;
  const admitted = new Set(plan.stakeholders.map((s) => s.id));
  return viewer.roles.some(
    (grant) => grant.role === 'ADMIN' || grant.scope === plan.id || (grant.scope != null && admitted.has(grant.scope)),
  );
}

/** Whether the viewer speaks as a youth participant (a YOUTH role, on their panel). */
export function isYouth(viewer: ViewerRoles | null | undefined): boolean {
  return viewer?.roles.some((grant) => grant.role === 'YOUTH') ?? false;
}

/**
 * Who may comment on a milestone of the plan: a registered participant, on a plan that is not closed; a youth
 * participant only when their panel has joined the plan.
 */
export function mayComment(viewer: ViewerRoles | null | undefined, plan: PlanParticipation): boolean {
  if (!viewer?.participantId || plan.status === 'CLOSED') return false;
  if (!isYouth(viewer)) return true;
  const admitted = new Set(plan.stakeholders.map((s) => s.id));
  return viewer.roles.some(
    (grant) => grant.role === 'ADMIN' || (grant.role === 'YOUTH' && grant.scope != null && admitted.has(grant.scope)),
  );
}

/** Who may flag a comment: a participant of the plan, on someone else's visible comment. */
export function mayFlag(
  viewer: ViewerRoles | null | undefined,
  plan: PlanParticipation,
  comment: { readonly status: string; readonly mine: boolean },
): boolean {
  return comment.status === 'VISIBLE' && !comment.mine && takesPart(viewer, plan);
}

export interface ScorecardOf {
  readonly id: string;
  readonly name: string;
  readonly scorecard: {
    readonly compliance: readonly {
      readonly period: string;
      readonly missing: readonly { readonly commitment: { readonly id: string; readonly title: string } }[];
    }[];
  };
}

export interface MissingReport {
  readonly period: string;
  readonly stakeholder: string;
  readonly commitmentId: string;
  readonly commitment: string;
}

/** Every report owed for a closed period and never sent, latest period first. */
export function missingReports(stakeholders: readonly ScorecardOf[]): MissingReport[] {
  const missing: MissingReport[] = [];
  for (const stakeholder of stakeholders) {
    for (const period of stakeholder.scorecard.compliance) {
      for (const { commitment } of period.missing)
        missing.push({ period: period.period, stakeholder: stakeholder.name, commitmentId: commitment.id, commitment: commitment.title });
    }
  }
  return missing.sort(
    (a, b) => b.period.localeCompare(a.period) || a.stakeholder.localeCompare(b.stakeholder) || a.commitment.localeCompare(b.commitment),
  );
}

export interface ReportOf {
  readonly id: string;
  readonly period: string;
  readonly verification: string;
  readonly supersededBy?: string | null;
}

/** Standing reports no monitor has given a verdict on yet, with their commitment, oldest period first. */
export function waitingForVerdict<C extends { readonly id: string; readonly progressReports: readonly ReportOf[] }>(
  commitments: readonly C[],
): { commitment: C; report: ReportOf }[] {
  const waiting: { commitment: C; report: ReportOf }[] = [];
  for (const commitment of commitments) {
    for (const report of commitment.progressReports) {
      if (report.verification === 'UNVERIFIED' && !report.supersededBy) waiting.push({ commitment, report });
    }
  }
  return waiting.sort((a, b) => a.report.period.localeCompare(b.report.period));
}

/** Registered stakeholders the plan has not admitted yet, by name. */
export function notYetAdmitted<S extends { readonly id: string; readonly name: string }>(
  all: readonly S[],
  admitted: readonly { readonly id: string }[],
): S[] {
  const inside = new Set(admitted.map((s) => s.id));
  return all.filter((s) => !inside.has(s.id)).sort((a, b) => a.name.localeCompare(b.name));
}

/** One at-risk commitment per id, across the groups of a summary (a commitment appears in one group of each kind). */
export function uniqueAtRisk<A extends { readonly commitment: { readonly id: string } }>(
  groups: readonly { readonly figures: { readonly atRiskCommitments: readonly A[] } }[],
): A[] {
  const seen = new Map<string, A>();
  for (const group of groups)
    for (const item of group.figures.atRiskCommitments) if (!seen.has(item.commitment.id)) seen.set(item.commitment.id, item);
  return [...seen.values()];
}

/**
 * The stakeholders the viewer speaks for as a focal point among those the plan admitted, in the plan's order: for whom
 * they may make a commitment in it.
 */
export function focalPointOfAdmitted<S extends { readonly id: string }>(
  viewer: ViewerRoles | null | undefined,
  admitted: readonly S[],
): S[] {
  if (!viewer?.participantId) return [];
  const mine = new Set(viewer.roles.filter((grant) => grant.role === 'FOCAL_POINT' && grant.scope != null).map((grant) => grant.scope!));
  return admitted.filter((s) => mine.has(s.id));
}

/** Where a plan stands for its coordinator's adoption: adopt it now, first define a thematic area, or nothing to adopt. */
export type Adoption = 'READY' | 'NEEDS_AREA' | 'ADOPTED' | 'CLOSED';

export function adoption(plan: { readonly status: string; readonly thematicAreas: readonly unknown[] }): Adoption {
  if (plan.status === 'CLOSED') return 'CLOSED';
  if (plan.status !== 'DRAFT') return 'ADOPTED';
  return plan.thematicAreas.length > 0 ? 'READY' : 'NEEDS_AREA';
}

/** A thematic area code the api accepts: 1 to 20 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
export function isAreaCode(code: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/.test(code);
}

/** A number typed in a form (a decimal comma allowed), or undefined when it is not one. */
export function parseDecimal(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
  return Number(cleaned);
}
