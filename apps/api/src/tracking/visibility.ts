import type { RoleGrant, Visibility } from '#domain';

const RANK: Record<Visibility, number> = { PUBLIC: 0, PARTNERS: 1, RESTRICTED: 2 };

/**
 * The narratives a reader may see on one commitment (DOMAIN.md): anonymous readers PUBLIC; participants of the
 * plan (a role on it or on one of its stakeholders) also PARTNERS; the plan's coordinators and monitors, the
 * owner's focal points and admins also RESTRICTED.
 */
export function readerLevel(
  roles: readonly RoleGrant[] | null,
  commitment: { planId: string; ownerId: string },
  admittedStakeholderIds: readonly string[],
): Visibility {
  if (!roles) return 'PUBLIC';
  const restricted = roles.some(
    (grant) =>
      grant.role === 'ADMIN' ||
      ((grant.role === 'COORDINATOR' || grant.role === 'MONITOR') && grant.scope === commitment.planId) ||
      (grant.role === 'FOCAL_POINT' && grant.scope === commitment.ownerId),
  );
  if (restricted) return 'RESTRICTED';
  const partner = roles.some((grant) => grant.scope === commitment.planId || (grant.scope !== null && admittedStakeholderIds.includes(grant.scope)));
  return partner ? 'PARTNERS' : 'PUBLIC';
}

export const mayRead = (level: Visibility, visibility: Visibility): boolean => RANK[level] >= RANK[visibility];
