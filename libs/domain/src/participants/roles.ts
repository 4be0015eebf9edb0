export const ROLES = ['ADMIN', 'COORDINATOR', 'FOCAL_POINT', 'MONITOR', 'YOUTH'] as const;
export type Role = (typeof ROLES)[number];

export const PARTICIPANT_KINDS = ['ADULT', 'YOUTH'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** A role and what it applies to: a plan (COORDINATOR, MONITOR), a stakeholder (FOCAL_POINT, YOUTH), nothing (ADMIN). */
export interface RoleGrant {
  readonly role: Role;
  readonly scope: string | null;
}

export const sameGrant = (a: RoleGrant, b: RoleGrant): boolean => a.role === b.role && a.scope === b.scope;

/** Roles a youth participant may never hold (DOMAIN.md, safeguarding). */
export const ADULT_ONLY_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'MONITOR'];
