/** What the Administration page decides by itself: where a role applies, what a registration sends, what a draft plan needs. */

export type RoleName = 'ADMIN' | 'COORDINATOR' | 'FOCAL_POINT' | 'MONITOR' | 'YOUTH';
export const ROLES: readonly RoleName[] = ['ADMIN', 'COORDINATOR', 'FOCAL_POINT', 'MONITOR', 'YOUTH'];

/** Where a role applies: the platform (ADMIN), a plan (COORDINATOR, MONITOR), a stakeholder (FOCAL_POINT) or a youth panel (YOUTH). */
export type ScopeKind = 'platform' | 'plan' | 'stakeholder' | 'youthPanel';

export function scopeKindOf(role: string): ScopeKind {
  if (role === 'COORDINATOR' || role === 'MONITOR') return 'plan';
  if (role === 'FOCAL_POINT') return 'stakeholder';
  if (role === 'YOUTH') return 'youthPanel';
  return 'platform';
}

export interface PlanChoice {
  readonly id: string;
  readonly title: string;
  readonly country: string;
  readonly status: string;
}

export interface StakeholderChoice {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly country: string;
}

export interface ScopeChoice {
  readonly id: string;
  readonly label: string;
}

/** The plans or stakeholders a role may be scoped to, by name (never a typed id); none for ADMIN. */
export function scopeChoices(role: string, plans: readonly PlanChoice[], stakeholders: readonly StakeholderChoice[]): ScopeChoice[] {
  switch (scopeKindOf(role)) {
    case 'plan':
      return plans.map((plan) => ({ id: plan.id, label: `${plan.title} (${plan.country})` }));
    case 'stakeholder':
      return stakeholders.map((s) => ({ id: s.id, label: `${s.name} (${s.country})` }));
    case 'youthPanel':
      return stakeholders.filter((s) => s.kind === 'YOUTH_PANEL').map((s) => ({ id: s.id, label: `${s.name} (${s.country})` }));
    case 'platform':
      return [];
  }
}

/** The name of what a grant's scope is (a plan's title, a stakeholder's name); the id itself when neither list has it. */
export function scopeName(
  scope: string | null | undefined,
  plans: readonly PlanChoice[],
  stakeholders: readonly StakeholderChoice[],
): string | null {
  if (!scope) return null;
  return plans.find((plan) => plan.id === scope)?.title ?? stakeholders.find((s) => s.id === scope)?.name ?? scope;
}

export interface Grant {
  readonly role: string;
  readonly scope?: string | null;
}

/** Whether someone holds the platform's ADMIN role: then they cannot be erased until it is revoked (rule `participant.erase_admin`). */
export function holdsAdmin(roles: readonly Grant[]): boolean {
  return roles.some((grant) => grant.role === 'ADMIN');
}

/** A grant as one value for a list of choices, and back. */
export const grantKey = (grant: Grant): string => `${grant.role}:${grant.scope ?? ''}`;
export function grantOf(key: string): { role: RoleName; scope: string | null } | undefined {
  const at = key.indexOf(':');
  if (at < 0) return undefined;
  const role = key.slice(0, at);
  if (!(ROLES as readonly string[]).includes(role)) return undefined;
  return { role: role as RoleName, scope: key.slice(at + 1) || null };
}

export interface Registration {
  readonly subject: string;
  readonly displayName: string;
  readonly kind: 'ADULT' | 'YOUTH';
  /** For youth: UNDER_18 or AGE_18_24. */
  readonly youthAgeBand: 'UNDER_18' | 'AGE_18_24';
  readonly realName: string;
  readonly email: string;
  readonly sponsorStakeholderId: string;
}

/**
 * What `registerParticipant` is sent: an adult is ADULT and has no sponsor; a youth has a youth age band and the panel
 * that sponsors them; a real name and e-mail only when given (they are personal data). Text is trimmed.
 */
export function registrationInput(form: Registration) {
  const youth = form.kind === 'YOUTH';
  return {
    subject: form.subject.trim(),
    displayName: form.displayName.trim(),
    kind: form.kind,
    ageBand: youth ? form.youthAgeBand : ('ADULT' as const),
    ...(form.realName.trim() ? { realName: form.realName.trim() } : {}),
    ...(form.email.trim() ? { email: form.email.trim() } : {}),
    ...(youth && form.sponsorStakeholderId ? { sponsorStakeholderId: form.sponsorStakeholderId } : {}),
  };
}

export interface PlanDraft {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly defaultDeadline: string;
}

/**
 * What is wrong with a draft plan's dates before it is sent, as the field and a key of the `admin` namespace: the
 * period must end after it starts, and a default deadline must fall within it.
 */
export function planDateProblems(draft: PlanDraft): Partial<Record<'periodEnd' | 'defaultDeadline', string>> {
  const problems: Partial<Record<'periodEnd' | 'defaultDeadline', string>> = {};
  if (draft.periodStart && draft.periodEnd && draft.periodEnd <= draft.periodStart) problems.periodEnd = 'plan.endBeforeStart';
  if (
    draft.defaultDeadline &&
    draft.periodStart &&
    draft.periodEnd &&
    (draft.defaultDeadline < draft.periodStart || draft.defaultDeadline > draft.periodEnd)
  ) {
    problems.defaultDeadline = 'plan.deadlineOutside';
  }
  return problems;
}

/** A list of participants with one added or brought up to date (by id), keeping the order they first came in. */
export function remember<T extends { readonly id: string }>(list: readonly T[], participant: T): T[] {
  return list.some((p) => p.id === participant.id) ? list.map((p) => (p.id === participant.id ? participant : p)) : [...list, participant];
}
