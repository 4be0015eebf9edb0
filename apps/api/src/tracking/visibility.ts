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
  const partner = roles.some(
    (grant) => grant.scope === commitment.planId || (grant.scope !== null && admittedStakeholderIds.includes(grant.scope)),
  );
  return partner ? 'PARTNERS' : 'PUBLIC';
}

export const mayRead = (level: Visibility, visibility: Visibility): boolean => RANK[level] >= RANK[visibility];

/** The parts of a progress report that follow its visibility level: what it says, where its evidence is, what a monitor wrote. */
interface ReportDetails {
  readonly narrative: string | null;
  readonly evidenceLinks: readonly string[];
  readonly verificationNote: string | null;
}

export type AtReaderLevel<R extends ReportDetails> = Omit<R, keyof ReportDetails> & ReportDetails;

/**
 * A report as a reader at `level` may see it: below the report's level, no narrative, no evidence links (they can
 * name a venue) and no verification note (a monitor's note or dispute reason quotes the report); the figures, the
 * evidence type and the verification outcome stay.
 */
export function atReaderLevel<R extends ReportDetails & { readonly visibility: Visibility }>(
  report: R,
  level: Visibility,
): AtReaderLevel<R> {
  if (mayRead(level, report.visibility)) return report;
  return { ...report, narrative: null, evidenceLinks: [], verificationNote: null };
}
