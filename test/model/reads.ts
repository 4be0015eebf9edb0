/**
 * What the test reads from the api, and the same shapes computed by the model. Lists whose order the rules leave open
 * are put in a fixed order on both sides (`canonical*`), numbers are rounded to 9 decimals; everything else is
 * compared as served.
 */
import { type AsOf, type CommitmentState, type DeadlineRow, deadlineStatus } from './model.js';

/** Fields the api may not serve yet; the comparisons that need them run only when it does. */
export interface Features {
  atRiskCommitments: boolean;
}

const figuresFields = (features: Features) =>
  `commitmentsByStatus { status count } milestonesOnTime milestonesLate milestonesOverdue verifiedShare atRisk${
    features.atRiskCommitments ? ' atRiskCommitments { commitment { id } expectedPercent reportedPercent }' : ''
  }`;

const fragments = (features: Features): Record<string, string> => ({
  Figures: `fragment Figures on TrackingFigures { ${figuresFields(features)} }`,
  Summary: `fragment Summary on PlanSummary {
    total byStatus { status count } byThematicArea { thematicArea { code } count }
    byThematicAreaTracking { thematicArea { code } figures { ...Figures } }
    byOwnerKind { kind figures { ...Figures } }
  }`,
  PlanFields:
    'fragment PlanFields on ActionPlan { id version status stakeholders { id } reportingPeriods { id start end closed } summary { ...Summary } }',
  Card: `fragment Card on Scorecard {
    made active completed withdrawn milestonesOnTime milestonesDue complianceRate
    compliance { period owed onTime late missing { commitment { id } } }
  }`,
  CommitmentFields: `fragment CommitmentFields on Commitment {
    id version status dueDate dueDateInherited completedOn owner { id } coOwners { id } thematicArea { code }
    milestones { id title dueDate originalDueDate moves daysMoved completedOn status }
    tasks { id title dueDate assignee { kind id } completedOn status }
    progressReports { id period percentComplete indicatorValue evidenceType reportedOn late corrects supersededBy verification }
  }`,
  DeadlineFields:
    'fragment DeadlineFields on Deadline { kind id title commitment { id } dueDate originalDueDate completedOn moves daysMoved status }',
});

/** The query with the fragments it spreads (GraphQL refuses unused ones). */
export function withFragments(query: string, features: Features): string {
  const all = fragments(features);
  const used = new Set<string>();
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\.\.\.(\w+)/g)) {
      if (!used.has(name!)) {
        used.add(name!);
        visit(all[name!]!);
      }
    }
  };
  visit(query);
  return [query, ...[...used].map((name) => all[name])].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The model's answers, in the api's shapes.

export function expectedPlan(at: AsOf, planId: string, features: Features) {
  const plan = at.plan(planId);
  if (!plan) return null;
  return {
    id: planId,
    version: at.version(planId),
    status: plan.status,
    stakeholders: plan.admitted.map((id) => ({ id })),
    reportingPeriods: at.periodsOf(planId),
    summary: withFeatures(at.summary(planId), features),
  };
}

function withFeatures(summary: ReturnType<AsOf['summary']>, features: Features) {
  const figures = <T extends { figures: { atRiskCommitments: unknown } }>(group: T) => {
    if (features.atRiskCommitments) return group;
    const { atRiskCommitments: _left, ...rest } = group.figures;
    return { ...group, figures: rest };
  };
  return { ...summary, byThematicAreaTracking: summary.byThematicAreaTracking.map(figures), byOwnerKind: summary.byOwnerKind.map(figures) };
}

export function expectedCommitment(at: AsOf, c: CommitmentState) {
  return {
    id: c.id,
    version: at.version(c.id),
    status: c.status,
    dueDate: c.dueDate,
    dueDateInherited: c.dueDateInherited,
    completedOn: c.completedOn,
    owner: { id: c.ownerId },
    coOwners: c.coOwnerIds.map((id) => ({ id })),
    thematicArea: { code: c.area },
    milestones: c.milestones.map((m) => ({
      ...{ id: m.id, title: m.title, dueDate: m.dueDate, originalDueDate: m.originalDueDate, moves: m.moves, daysMoved: m.daysMoved },
      ...{ completedOn: m.completedOn, status: deadlineOf(at, m.dueDate, m.completedOn) },
    })),
    tasks: c.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      dueDate: t.dueDate,
      assignee: t.assignee,
      completedOn: t.completedOn,
      status: deadlineOf(at, t.dueDate, t.completedOn),
    })),
    progressReports: c.reports.map((r) => ({
      ...{
        id: r.id,
        period: r.period,
        percentComplete: r.percent,
        indicatorValue: r.indicator,
        evidenceType: r.evidenceType,
        reportedOn: r.reportedOn,
      },
      ...{ late: at.isLate(c, r), corrects: r.corrects, supersededBy: r.supersededBy, verification: r.verification },
    })),
  };
}

const deadlineOf = (at: AsOf, due: string, completedOn: string | null) => deadlineStatus(due, completedOn, at.today);

export function expectedStakeholder(at: AsOf, stakeholderId: string, planId: string) {
  return { id: stakeholderId, version: at.version(stakeholderId), scorecard: at.scorecard(stakeholderId, planId) };
}

export function expectedDeadlines(at: AsOf, planId: string): DeadlineRow[] {
  return at.deadlines(planId);
}

// ---------------------------------------------------------------------------------------------------------------
// One order for lists whose order is not part of the rules.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

const sorted = <T>(list: readonly T[] | undefined | null, key: (item: T) => string): T[] | undefined | null =>
  list === undefined || list === null ? list : [...list].sort(byKey(key));

type Obj = Record<string, unknown>;
const id = (item: unknown) => String((item as Obj)['id']);

/** Rounds every number to 9 decimals (shares and percents are computed in floating point). */
export function rounded(value: unknown): Json {
  if (typeof value === 'number') return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value as Json;
}

function canonicalFigures(figures: Obj): Obj {
  return {
    ...figures,
    commitmentsByStatus: sorted(
      (figures['commitmentsByStatus'] as Obj[]).filter((row) => row['count'] !== 0),
      (row) => String(row['status']),
    ),
    ...('atRiskCommitments' in figures
      ? { atRiskCommitments: sorted(figures['atRiskCommitments'] as Obj[], (row) => id(row['commitment'])) }
      : {}),
  };
}

/** A group with no commitments at all says nothing; the rules leave open whether it is listed. */
const hasCommitments = (group: Obj) => ((group['figures'] as Obj)['commitmentsByStatus'] as Obj[]).some((row) => Number(row['count']) > 0);

export function canonicalSummary(summary: Obj): Obj {
  const groups = (list: Obj[], key: (group: Obj) => string) =>
    sorted(
      list.filter(hasCommitments).map((group) => ({ ...group, figures: canonicalFigures(group['figures'] as Obj) })),
      key,
    );
  return {
    ...summary,
    byStatus: sorted(
      (summary['byStatus'] as Obj[]).filter((row) => row['count'] !== 0),
      (row) => String(row['status']),
    ),
    byThematicArea: sorted(summary['byThematicArea'] as Obj[], (row) => String((row['thematicArea'] as Obj)['code'])),
    byThematicAreaTracking: groups(summary['byThematicAreaTracking'] as Obj[], (group) => String((group['thematicArea'] as Obj)['code'])),
    byOwnerKind: groups(summary['byOwnerKind'] as Obj[], (group) => String(group['kind'])),
  };
}

export function canonicalPlan(plan: Obj | null): Json {
  if (plan === null) return null;
  return rounded({
    ...plan,
    reportingPeriods: sorted(plan['reportingPeriods'] as Obj[], (p) => String(p['start'])),
    ...(plan['summary'] ? { summary: canonicalSummary(plan['summary'] as Obj) } : {}),
  });
}

export function canonicalScorecard(card: Obj): Obj {
  return {
    ...card,
    compliance: sorted(card['compliance'] as Obj[], (p) => String(p['period']))!.map((p) => ({
      ...p,
      missing: sorted(p['missing'] as Obj[], (m) => id(m['commitment'])),
    })),
  };
}

export function canonicalStakeholder(stakeholder: Obj | null): Json {
  if (stakeholder === null) return null;
  return rounded({ ...stakeholder, scorecard: canonicalScorecard(stakeholder['scorecard'] as Obj) });
}

export function canonicalCommitment(commitment: Obj | null): Json {
  if (commitment === null) return null;
  return rounded({
    ...commitment,
    coOwners: sorted(commitment['coOwners'] as Obj[], id),
    milestones: sorted(commitment['milestones'] as Obj[], id),
    tasks: sorted(commitment['tasks'] as Obj[], id),
    progressReports: sorted(commitment['progressReports'] as Obj[], id),
  });
}

/** Deadlines come sorted by due date; within a day the rules set no order. */
export function canonicalDeadlines(rows: readonly Obj[]): Json {
  return rounded(sorted(rows, (row) => `${String(row['dueDate'])} ${String(row['kind'])} ${id(row)}`));
}

export function sortedByDueDate(rows: readonly Obj[]): boolean {
  return rows.every((row, n) => n === 0 || String(rows[n - 1]!['dueDate']) <= String(row['dueDate']));
}

// ---------------------------------------------------------------------------------------------------------------
// Differences, readable.

/** Where `actual` differs from `expected`: one line per differing leaf, at most `limit`. */
export function differences(expected: unknown, actual: unknown, limit = 12): string[] {
  const lines: string[] = [];
  const walk = (e: unknown, a: unknown, path: string) => {
    if (lines.length >= limit) return;
    if (Array.isArray(e) && Array.isArray(a)) {
      if (e.length !== a.length) lines.push(`${path || '.'}: expected ${e.length} item(s), got ${a.length}`);
      for (let n = 0; n < Math.min(e.length, a.length); n++) walk(e[n], a[n], `${path}[${n}]`);
      if (e.length !== a.length) {
        for (let n = a.length; n < e.length && lines.length < limit; n++)
          lines.push(`${path}[${n}]: missing, expected ${JSON.stringify(e[n])}`);
        for (let n = e.length; n < a.length && lines.length < limit; n++) lines.push(`${path}[${n}]: unexpected ${JSON.stringify(a[n])}`);
      }
      return;
    }
    if (e !== null && a !== null && typeof e === 'object' && typeof a === 'object' && !Array.isArray(e) && !Array.isArray(a)) {
      for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) walk((e as Obj)[key], (a as Obj)[key], `${path}.${key}`);
      return;
    }
    if (JSON.stringify(e) !== JSON.stringify(a)) lines.push(`${path || '.'}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
  };
  walk(expected, actual, '');
  return lines;
}
