/**
 * The api's rules the commitment page explains before they bite: which periods a report may name, which periods
 * owe a report that never came, which reports count as independently verified, and who may do what here.
 */

export interface Period {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly closed: boolean;
}

export interface ReportFacts {
  readonly id: string;
  readonly period: string;
  readonly percentComplete?: number | null;
  readonly evidenceType: string;
  readonly verification: string;
  readonly supersededBy?: string | null;
}

/** The reporting periods that have begun by `today` (YYYY-MM-DD): the only ones worth offering. */
export function startedPeriods<P extends Period>(periods: readonly P[], today: string): P[] {
  return periods.filter((period) => period.start <= today);
}

/**
 * The period the report form starts on: the latest period that has begun and has no report yet; when every one has
 * a report, the latest that has begun (its report is then corrected); before the plan starts, its first period.
 */
export function defaultPeriod(periods: readonly Period[], reported: ReadonlySet<string>, today: string): string | undefined {
  const started = startedPeriods(periods, today);
  const open = started.filter((period) => !reported.has(period.id));
  return (open.at(-1) ?? started.at(-1) ?? periods[0])?.id;
}

/** The report that stands for each period: the last of its chain of corrections. */
export function standingByPeriod<R extends ReportFacts>(reports: readonly R[]): Map<string, R> {
  const standing = new Map<string, R>();
  for (const report of reports) if (!report.supersededBy) standing.set(report.period, report);
  return standing;
}

export type Independence = 'MONITOR_VERIFIED' | 'EVIDENCE' | 'DISPUTED' | 'SELF_REPORTED' | 'SUPERSEDED';

/**
 * Why a report counts (or not) as independently verified, by the api's rule: a standing report a monitor verified,
 * or one whose evidence type is INDEPENDENTLY_VERIFIED or INSPECTION and that no monitor disputed.
 */
export function independence(report: ReportFacts): Independence {
  if (report.supersededBy) return 'SUPERSEDED';
  if (report.verification === 'VERIFIED') return 'MONITOR_VERIFIED';
  if (report.verification === 'DISPUTED') return 'DISPUTED';
  if (report.evidenceType === 'INDEPENDENTLY_VERIFIED' || report.evidenceType === 'INSPECTION') return 'EVIDENCE';
  return 'SELF_REPORTED';
}

export const countsAsVerified = (report: ReportFacts): boolean => ['MONITOR_VERIFIED', 'EVIDENCE'].includes(independence(report));

export type PeriodRow<R> = { readonly period: string; readonly closed: boolean } & (
  { readonly kind: 'reported'; readonly reports: readonly R[] } | { readonly kind: 'missing' }
);

/**
 * The reports list, period by period in the plan's order: each period's reports (corrections after what they
 * correct), and a `missing` row for each closed period that owed a report and got none (`missing`, from the owner's
 * scorecard). Periods still open without a report, and closed ones the commitment did not owe, are left out.
 */
export function periodRows<R extends ReportFacts>(
  periods: readonly Period[],
  reports: readonly R[],
  missing: ReadonlySet<string>,
): PeriodRow<R>[] {
  const known = new Set(periods.map((period) => period.id));
  const rows: PeriodRow<R>[] = [];
  for (const period of periods) {
    const own = reports.filter((report) => report.period === period.id);
    if (own.length > 0) rows.push({ period: period.id, closed: period.closed, kind: 'reported', reports: own });
    else if (missing.has(period.id)) rows.push({ period: period.id, closed: period.closed, kind: 'missing' });
  }
  for (const id of [...new Set(reports.map((report) => report.period))].filter((id) => !known.has(id))) {
    rows.push({ period: id, closed: false, kind: 'reported', reports: reports.filter((report) => report.period === id) });
  }
  return rows;
}

/** The chart's points: the standing percent of each period shown, null for a missing one (so no line crosses it). */
export function chartPoints<R extends ReportFacts>(rows: readonly PeriodRow<R>[]): { period: string; percent: number | null }[] {
  return rows.map((row) => {
    if (row.kind === 'missing') return { period: row.period, percent: null };
    const standing = row.reports.find((report) => !report.supersededBy);
    return { period: row.period, percent: standing?.percentComplete ?? null };
  });
}

export interface Grant {
  readonly role: string;
  readonly scope?: string | null;
}

export interface CommitmentJobs {
  /** Owner's focal point: everything on the commitment. */
  readonly owner: boolean;
  /** Owner's or a co-owner's focal point: report progress, add and complete tasks. */
  readonly contributor: boolean;
  /** Monitor of the plan who is not a focal point of the owner: verify or dispute reports. */
  readonly monitor: boolean;
}

/** What the signed-in reader may do on a commitment, by DOMAIN.md's roles (the api enforces them; this chooses what to offer). */
export function jobsOf(
  grants: readonly Grant[],
  commitment: { planId: string; ownerId: string; coOwnerIds: readonly string[] },
): CommitmentJobs {
  const admin = grants.some((grant) => grant.role === 'ADMIN');
  const focal = (id: string) => grants.some((grant) => grant.role === 'FOCAL_POINT' && grant.scope === id);
  const owner = admin || focal(commitment.ownerId);
  const contributor = owner || commitment.coOwnerIds.some(focal);
  const monitor =
    (admin || grants.some((grant) => grant.role === 'MONITOR' && grant.scope === commitment.planId)) && !focal(commitment.ownerId);
  return { owner, contributor, monitor };
}
